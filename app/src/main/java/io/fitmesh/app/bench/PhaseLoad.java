package io.fitmesh.app.bench;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * What else the machine did during a phase, looked at every 250 ms: whether the CQL server was compacting (its
 * running sstable tasks, {@code system_views.sstable_tasks}, Cassandra 4.0 and later), how busy the machine's CPU
 * was, and how much of it this JVM (the services and the bench's clients) used. On 2 cores the CQL server's
 * compactions of freshly written rows take CPU from whatever the bench measures at the time; the tables say so.
 * It looks until the run's CQL session is closed.
 */
final class PhaseLoad {
  private static final String RUNNING_COMPACTIONS = "SELECT kind FROM system_views.sstable_tasks";
  private static final OperatingSystemMXBean OS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private final CqlSession cql;
  private final ScheduledExecutorService sampler;
  private final LongAdder looks = new LongAdder();
  private final LongAdder compacting = new LongAdder();
  private final LongAdder cpuLooks = new LongAdder();
  private final DoubleAdder machineCpu = new DoubleAdder();
  private final DoubleAdder jvmCpu = new DoubleAdder();
  private volatile boolean compactionsShown = true;

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
  void reset() {
    looks.reset();
    compacting.reset();
    cpuLooks.reset();
    machineCpu.reset();
    jvmCpu.reset();
  }

  /**
   * "the CQL server compacted during 40% of it; CPU 98% busy, this JVM 51%", leaving out what is not known (a
   * server that does not show its compactions, such as ScyllaDB; a platform without CPU figures).
   */
  String during() {
    List<String> parts = new ArrayList<>();
    long n = looks.sum();
    if (compactionsShown && n > 0) {
      parts.add(String.format(Locale.ROOT, "the CQL server compacted during %.0f%% of it",
          100.0 * compacting.sum() / n));
    }
    long cpu = cpuLooks.sum();
    if (cpu > 0) {
      parts.add(String.format(Locale.ROOT, "CPU %.0f%% busy, this JVM %.0f%%", 100 * machineCpu.sum() / cpu,
          100 * jvmCpu.sum() / cpu));
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
      machineCpu.add(machine);
      jvmCpu.add(jvm);
      cpuLooks.increment();
    }
    if (!compactionsShown) {
      return;
    }
    try {
      boolean running = cql.execute(RUNNING_COMPACTIONS).iterator().hasNext();
      looks.increment();
      if (running) {
        compacting.increment();
      }
    } catch (InvalidQueryException notShown) {
      compactionsShown = false;
    } catch (RuntimeException busy) {
      // a look the server was too busy to answer is not counted
    }
  }
}
