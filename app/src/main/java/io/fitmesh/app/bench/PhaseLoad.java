package io.fitmesh.app.bench;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What else the machine did during a phase, looked at every 250 ms: whether the CQL server was compacting (a task
 * of a compaction kind among its running sstable tasks, {@code system_views.sstable_tasks}, Cassandra 4.0 and
 * later), how busy the machine's CPU was, and how much of it this JVM (the services and the bench's clients) used.
 * On 2 cores the CQL server's compactions of freshly written rows take CPU from whatever the bench measures at the
 * time; the tables say so. The figures are shares of looks: a look the busy server did not answer is not counted,
 * and each CPU reading counts once whatever time it covers. It looks until the run's CQL session is closed.
 */
final class PhaseLoad {
  private static final String RUNNING_TASKS = "SELECT kind FROM system_views.sstable_tasks";
  private static final OperatingSystemMXBean OS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private final CqlSession cql;
  private final ScheduledExecutorService sampler;
  private volatile boolean compactionsShown = true;
  private long looks;
  private long compacting;
  private long cpuLooks;
  private double machineCpu;
  private double jvmCpu;

  PhaseLoad(CqlSession cql) {
    this.cql = cql;
    this.sampler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "bench-phase-load");
      t.setDaemon(true);
      return t;
    });
    sampler.scheduleWithFixedDelay(this::look, 0, 250, TimeUnit.MILLISECONDS);
  }

  /** Starts a new phase. */
  synchronized void reset() {
    looks = 0;
    compacting = 0;
    cpuLooks = 0;
    machineCpu = 0;
    jvmCpu = 0;
  }

  /**
   * "the CQL server compacted during 40% of it; CPU 98% busy, this JVM 51%", leaving out what is not known (a
   * server that does not show its sstable tasks, such as ScyllaDB; a platform without CPU figures).
   */
  synchronized String during() {
    List<String> parts = new ArrayList<>();
    if (compactionsShown && looks > 0) {
      parts.add(String.format(Locale.ROOT, "the CQL server compacted during %.0f%% of it", 100.0 * compacting / looks));
    }
    if (cpuLooks > 0) {
      parts.add(String.format(Locale.ROOT, "CPU %.0f%% busy, this JVM %.0f%%", 100 * machineCpu / cpuLooks,
          100 * jvmCpu / cpuLooks));
    }
    return String.join("; ", parts);
  }

  /** Looks once; stops looking once the run's CQL session is closed. */
  private void look() {
    if (cql.isClosed()) {
      sampler.shutdown();
      return;
    }
    double machine = OS.getCpuLoad();
    double jvm = OS.getProcessCpuLoad();
    if (machine >= 0 && jvm >= 0) {
      countCpu(machine, jvm);
    }
    if (!compactionsShown) {
      return;
    }
    try {
      boolean running = false;
      for (Row task : cql.execute(RUNNING_TASKS)) {
        running |= task.getString(0) != null && task.getString(0).toLowerCase(Locale.ROOT).contains("compaction");
      }
      countCompaction(running);
    } catch (InvalidQueryException notShown) {
      compactionsShown = false;
    } catch (RuntimeException busy) {
      // a look the server was too busy to answer is not counted
    }
  }

  private synchronized void countCpu(double machine, double jvm) {
    machineCpu += machine;
    jvmCpu += jvm;
    cpuLooks++;
  }

  private synchronized void countCompaction(boolean running) {
    looks++;
    if (running) {
      compacting++;
    }
  }
}
