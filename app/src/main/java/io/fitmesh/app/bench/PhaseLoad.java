package io.fitmesh.app.bench;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What else the machine did during a phase: whether the CQL server was compacting (looked at every 250 ms: a task of
 * a compaction kind among its running sstable tasks, {@code system_views.sstable_tasks}, Cassandra 4.0 and later),
 * how busy the machine's CPU was ({@code /proc/stat}), and who used it: this JVM (the services and the bench's
 * clients) and each local server the launcher started (their processes' CPU time). On 2 cores the CQL server's
 * compactions of freshly written rows, and whatever a server still does after the phase before, take CPU from
 * whatever the bench measures at the time; the tables say so. The compaction figure is a share of looks (a look the
 * busy server did not answer is not counted); the CPU figures are shares of the machine's CPU time over the whole
 * phase (every core busy is 100%). It looks until the run's CQL session is closed.
 */
final class PhaseLoad {
  private static final String RUNNING_TASKS = "SELECT kind FROM system_views.sstable_tasks";
  private static final Path MACHINE_CPU = Path.of("/proc/stat");
  private static final Map<String, String> SERVERS = Map.of("pulsar", "Pulsar", "cql", "the CQL server",
      "redis", "Redis");

  private final CqlSession cql;
  /** This JVM and the launcher's running servers, by the name the tables give them. */
  private final Map<String, ProcessHandle> processes = new LinkedHashMap<>();
  private final ScheduledExecutorService sampler;
  private volatile boolean compactionsShown = true;
  private long looks;
  private long compacting;
  private long startNanos;
  private MachineCpu machineAtStart;
  private final Map<String, Duration> cpuAtStart = new HashMap<>();

  /** {@code servers}: the local servers by the launcher's names (pulsar, cql, redis); none when they run elsewhere. */
  PhaseLoad(CqlSession cql, Map<String, ProcessHandle> servers) {
    this.cql = cql;
    processes.put("this JVM", ProcessHandle.current());
    servers.forEach((name, process) -> processes.put(SERVERS.getOrDefault(name, name), process));
    this.sampler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "bench-phase-load");
      t.setDaemon(true);
      return t;
    });
    reset();
    sampler.scheduleWithFixedDelay(this::look, 0, 250, TimeUnit.MILLISECONDS);
  }

  /** Starts a new phase. */
  synchronized void reset() {
    looks = 0;
    compacting = 0;
    startNanos = System.nanoTime();
    machineAtStart = machineCpu();
    cpuAtStart.clear();
    processes.forEach((name, process) -> cpuTime(process).ifPresent(cpu -> cpuAtStart.put(name, cpu)));
  }

  /**
   * "the CQL server compacted during 40% of it; CPU 98% busy: this JVM 51%, Pulsar 20%, the CQL server 22%, Redis
   * 3%", leaving out what is not known (a server that does not show its sstable tasks, such as ScyllaDB; servers the
   * launcher did not start; a platform without these CPU figures).
   */
  synchronized String during() {
    List<String> parts = new ArrayList<>();
    if (compactionsShown && looks > 0) {
      parts.add(String.format(Locale.ROOT, "the CQL server compacted during %.0f%% of it", 100.0 * compacting / looks));
    }
    MachineCpu machineNow = machineCpu();
    if (machineAtStart != null && machineNow != null && machineNow.total() > machineAtStart.total()) {
      double busy = (double) (machineNow.busy() - machineAtStart.busy())
          / (machineNow.total() - machineAtStart.total());
      List<String> users = new ArrayList<>();
      double machineNanos = (System.nanoTime() - startNanos) * (double) machineNow.cpus();
      processes.forEach((name, process) -> {
        Duration before = cpuAtStart.get(name);
        Optional<Duration> now = cpuTime(process);
        if (before != null && now.isPresent()) {
          users.add(String.format(Locale.ROOT, "%s %.0f%%", name,
              100 * now.get().minus(before).toNanos() / machineNanos));
        }
      });
      parts.add(String.format(Locale.ROOT, "CPU %.0f%% busy", 100 * busy)
          + (users.isEmpty() ? "" : ": " + String.join(", ", users)));
    }
    return String.join("; ", parts);
  }

  /** The CPU time the process has used so far, if the platform tells. */
  private static Optional<Duration> cpuTime(ProcessHandle process) {
    return process.isAlive() ? process.info().totalCpuDuration() : Optional.empty();
  }

  /** The machine's busy and total CPU time so far (in /proc/stat's ticks) and its number of CPUs. */
  private record MachineCpu(long busy, long total, long cpus) {}

  /** From Linux's /proc/stat (the first line sums every CPU, a line per CPU follows), or null where unknown. */
  private static MachineCpu machineCpu() {
    try {
      List<String> lines = Files.readAllLines(MACHINE_CPU);
      String[] fields = lines.get(0).trim().split("\\s+");
      long total = 0;
      for (int i = 1; i <= 8 && i < fields.length; i++) {
        total += Long.parseLong(fields[i]);
      }
      long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
      long cpus = lines.stream().filter(line -> line.matches("cpu\\d+\\s.*")).count();
      return cpus == 0 ? null : new MachineCpu(total - idle, total, cpus);
    } catch (IOException | RuntimeException unknown) {
      return null;
    }
  }

  /** Looks once; stops looking once the run's CQL session is closed. */
  private void look() {
    if (cql.isClosed()) {
      sampler.shutdown();
      return;
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

  private synchronized void countCompaction(boolean running) {
    looks++;
    if (running) {
      compacting++;
    }
  }
}
