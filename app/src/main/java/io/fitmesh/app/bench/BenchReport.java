package io.fitmesh.app.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import io.fitmesh.infra.InfraLauncher;
import io.fitmesh.platform.config.PlatformConfig;
import io.fitmesh.platform.config.Settings;
import io.fitmesh.telemetry.adapters.OtelIngestStages;
import io.fitmesh.telemetry.domain.IngestStages;

/** Appends a run's table to docs/benchmarks.md, with the date and the machine. */
final class BenchReport {
  private BenchReport() {}

  static String machine() {
    String cpu = "unknown CPU";
    try {
      cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
          .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse(cpu);
    } catch (IOException e) {
      // keep "unknown CPU"
    }
    long memGiB = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getTotalMemorySize() / (1024L * 1024 * 1024);
    return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), " + memGiB + " GiB, Java "
        + Runtime.version();
  }

  static String ingestTable(IngestBenchmark.BenchResult r) {
    String when = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
    StringBuilder md = new StringBuilder();
    md.append("\n## bench ingest, ").append(when).append("\n\n")
        .append("Machine: ").append(machine()).append(". ")
        .append(r.devices()).append(" devices, ").append(r.phase().toSeconds()).append(" s per phase, local mode ")
        .append("(Pulsar standalone, Cassandra 5.0 as the CQL server, Redis; all on this machine).\n\n")
        .append("| measure | value | ratio to baseline |\n|---|---|---|\n")
        .append(row("raw gRPC client streaming to a no-op server", r.rawGrpcSamplesPerS(), "samples/s", "baseline"))
        .append(row("raw CQL writes (same rows, statement, batching, 48 in flight)", r.rawCqlRowsPerS(), "rows/s", "baseline"))
        .append(row("FitMesh ingest, streams at max (gRPC -> telemetry -> CQL)", r.ingestSamplesPerS(), "samples/s",
            String.format(Locale.ROOT, "%.0f%% of raw CQL (target >= 70%%), %.0f%% of raw gRPC%s",
                100 * r.ingestSamplesPerS() / r.rawCqlRowsPerS(), 100 * r.ingestSamplesPerS() / r.rawGrpcSamplesPerS(),
                clause(r.loads().streamsAtMax()))))
        .append(row("FitMesh at half load", r.halfLoad().rate(), "samples/s", ""))
        .append(String.format(Locale.ROOT, "| sample-to-durable latency at half load (UploadSamples of 100) | %s | target p99 <= 250 ms%s |%n",
            r.halfLoad(), clause(r.loads().halfLoad())))
        .append(String.format(Locale.ROOT, "| raw CQL at the same load (the same batches written straight, %,.0f rows/s) | %s | baseline%s |%n",
            r.rawCqlHalfLoad().rate(), r.rawCqlHalfLoad(), clause(r.loads().rawHalfLoad())))
        .append(row("FitMesh uploads at max (UploadSamples of 100, one in flight per device)", r.uploadsSamplesPerS(),
            "samples/s", String.format(Locale.ROOT, "%.0f%% of streams at max%s",
                100 * r.uploadsSamplesPerS() / r.ingestSamplesPerS(), clause(r.loads().uploadsAtMax()))))
        .append(String.format(Locale.ROOT, "| sample-to-durable latency at half the uploads' max (%,.0f samples/s) | %s | target p99 <= 250 ms%s |%n",
            r.halfOfUploads().rate(), r.halfOfUploads(), clause(r.loads().halfOfUploads())))
        .append(String.format(Locale.ROOT, "| peak heap of the FitMesh JVM during ingest | %d MiB | |%n", r.peakHeapMiB()))
        .append("\nWhere a batch's time goes inside the telemetry service (metric ").append(OtelIngestStages.METRIC)
        .append("; batches of 100; the cursor is saved on every upload but at most every 500 ms on a stream; a ")
        .append("stream's receive starts at its decoded message, an upload's at its request):\n\n")
        .append("| stage | streams at max: batches, mean, p99 | half load: batches, mean, p50, p99, max |\n|---|---|---|\n");
    for (IngestStages.Stage stage : IngestStages.Stage.values()) {
      StageTimings.StageSummary max = r.maxStages().get(stage.label());
      StageTimings.StageSummary half = r.halfStages().get(stage.label());
      md.append("| ").append(stage.label()).append(" | ")
          .append(max == null ? "-" : String.format(Locale.ROOT, "%,d, %.2f ms, %.1f ms", max.count(), max.meanMs(), max.p99Ms()))
          .append(" | ")
          .append(half == null ? "-" : String.format(Locale.ROOT, "%,d, %.2f ms, %.1f ms, %.1f ms, %.1f ms",
              half.count(), half.meanMs(), half.p50Ms(), half.p99Ms(), half.maxMs()))
          .append(" |\n");
    }
    double inService = r.halfStages().values().stream()
        .mapToDouble(stage -> stage.meanMs() * stage.count()).sum() / Math.max(1, r.halfLoad().count());
    md.append(String.format(Locale.ROOT, "| outside these stages at half load: mean round trip minus the stages' time per "
        + "upload (client, HTTP/2, reply, live-tracking update) | - | %.1f ms |%n", r.halfLoad().meanMs() - inService));
    return md.toString();
  }

  static String leaderboardTable(LeaderboardBenchmark.Result r) {
    String when = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
    double slower = Math.min(r.rawZaddPerS(), r.rawPulsarPerS());
    return new StringBuilder()
        .append("\n## bench leaderboard, ").append(when).append("\n\n")
        .append("Machine: ").append(machine()).append(". One challenge, local mode (Pulsar standalone, ")
        .append("Cassandra 5.0, Redis; all on this machine). The board holds ").append(String.format(Locale.ROOT,
            "%,d", r.participants())).append(" entries: the joins below, the rest loaded straight into Redis.\n\n")
        .append("| measure | value | target / ratio |\n|---|---|---|\n")
        .append(String.format(Locale.ROOT, "| raw join chain: the same Redis script, 3 CQL writes and 1 Pulsar publish per join, 256 in flight, no gRPC | %.1f s (%,.0f joins/s) | baseline%s |%n",
            r.rawJoinSeconds(), r.joins() / r.rawJoinSeconds(), clause(r.loads().rawJoins())))
        .append(String.format(Locale.ROOT, "| %,d joins through ChallengeService (Redis, CQL, challenge.joined), 256 in flight, after 10k warm-up joins | %.1f s (%,.0f joins/s) | target <= 60 s; %.0f%% of the raw chain (target >= 50%%)%s |%n",
            r.joins(), r.joinSeconds(), r.joins() / r.joinSeconds(), 100 * r.rawJoinSeconds() / r.joinSeconds(),
            clause(r.loads().joins())))
        .append(String.format(Locale.ROOT, "| GetRank with 5 neighbours at %,d entries (gRPC, one caller, after %,d warm-up calls and the joins' events) | p50 %.2f ms, p99 %.2f ms | target p99 <= 5 ms%s |%n",
            r.participants(), LeaderboardBenchmark.RANK_WARM_UP, r.rankP50Ms(), r.rankP99Ms(), clause(r.loads().rank())))
        .append(String.format(Locale.ROOT, "| watch delay, progress event to %,d WatchLeaderboard streams (%d board moves, after %d warm-up moves) | p50 %.0f ms, p99 %.0f ms, max %.0f ms | target p99 <= 250 ms (pushed on change; at most one board read per 50 ms)%s |%n",
            r.watchers(), LeaderboardBenchmark.WATCH_MOVES, LeaderboardBenchmark.WATCH_WARM_UP, r.watchP50Ms(), r.watchP99Ms(), r.watchMaxMs(), clause(r.loads().watch())))
        .append(row("raw pipelined Redis ZADD (batches of 1000, 8 in flight)", r.rawZaddPerS(), "updates/s", "baseline"))
        .append(row("raw Pulsar consumption of the same events (one Key_Shared consumer, batch receive)",
            r.rawPulsarPerS(), "events/s", "baseline"))
        .append(row(String.format(Locale.ROOT, "FitMesh board updates: %,d challenge.progress events, Pulsar -> challenge service -> Redis (training's analytics skip them)",
            r.updates()), r.updatesPerS(), "updates/s", String.format(Locale.ROOT,
            "%.0f%% of the slower baseline (target >= 50%%)", 100 * r.updatesPerS() / slower)))
        .toString();
  }

  static String feedTable(FeedBenchmark.Result r) {
    String when = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
    return new StringBuilder()
        .append("\n## bench feed, ").append(when).append("\n\n")
        .append("Machine: ").append(machine()).append(". Local mode (Pulsar standalone, Cassandra 5.0, Redis; ")
        .append("all on this machine), the node's own consumers, a mock APNs server on loopback.\n\n")
        .append("| measure | value | target / ratio |\n|---|---|---|\n")
        .append(String.format(Locale.ROOT, "| fan-out of one workout to %,d followers, training.completed to the last timeline written | p50 %.0f ms, p99 %.0f ms | target p99 <= 1000 ms |%n",
            r.followers(), r.fanOutP50Ms(), r.fanOutP99Ms()))
        .append(row("raw pipelined Redis ZADD to as many timelines (batches of 1000, 8 in flight)", r.rawZaddPerS(),
            "writes/s", "baseline"))
        .append(row(String.format(Locale.ROOT, "sustained fan-out, %,d timeline writes (Pulsar -> social -> Redis)",
            r.sustainedWrites()), r.fanOutWritesPerS(), "writes/s", String.format(Locale.ROOT,
            "%.0f%% of raw ZADD (target >= 50%%)", 100 * r.fanOutWritesPerS() / r.rawZaddPerS())))
        .append(String.format(Locale.ROOT, "| home feed, page of 20 with a celebrity merged, through the BFF at %,d reads/s (%,d reads, %,d failed or shed) | p50 %.1f ms, p99 %.1f ms | target p99 <= 10 ms |%n",
            r.readRate(), r.reads(), r.readFailures(), r.readP50Ms(), r.readP99Ms()))
        .append(String.format(Locale.ROOT, "| push, training.completed to the mock APNs server at %d workouts/s (%,d workouts, %,d not pushed) | p50 %.0f ms, p99 %.0f ms | target p99 <= 500 ms |%n",
            r.pushRate(), r.pushes(), r.pushesMissing(), r.pushP50Ms(), r.pushP99Ms()))
        .toString();
  }

  static String recoTable(RecoBenchmark.Result r) {
    String when = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
    return new StringBuilder()
        .append("\n## bench reco, ").append(when).append("\n\n")
        .append("Machine: ").append(machine()).append(". Local mode (Pulsar standalone, Cassandra 5.0, Redis; ")
        .append("all on this machine), the reference catalogue on loopback answering in 20 ms, the availability ")
        .append("cache off so every screen asks the partner; ").append(r.athletes())
        .append(" athletes with a shoe due and an offer each.\n\n")
        .append("| measure | value | target / ratio |\n|---|---|---|\n")
        .append(row(String.format(Locale.ROOT, "raw downstream calls (analytics GetTrainingStatus gRPC + catalogue HTTP), %d callers, %d s (%,d)",
            r.concurrency(), r.seconds(), r.rawCalls()), r.rawPerS(), "calls/s", "baseline"))
        .append(row(String.format(Locale.ROOT, "whole screen through the BFF, %d callers, %d s (%,d, %,d failed)",
            r.concurrency(), r.seconds(), r.bffCalls(), r.bffFailures()), r.bffPerS(), "screens/s",
            String.format(Locale.ROOT, "%.0f%% of raw (target >= 50%%)", 100 * r.bffPerS() / r.rawPerS())))
        .append(String.format(Locale.ROOT, "| screen through the BFF at %,d/s (%,d screens, %,d failed or shed, %,d with an offer) | p50 %.1f ms, p99 %.1f ms | target p99 <= 50 ms |%n",
            r.rate(), r.loadCalls(), r.loadFailures(), r.loadWithOffers(), r.loadP50Ms(), r.loadP99Ms()))
        .append(String.format(Locale.ROOT, "| the same with the catalogue hanging (%,d screens, %,d failed or shed, %,d saying why offers are missing) | p50 %.1f ms, p99 %.1f ms | target p99 <= %d ms (deadline + 30), 0 failed |%n",
            r.hangCalls(), r.hangFailures(), r.hangWithReason(), r.hangP50Ms(), r.hangP99Ms(), r.deadlineMs() + 30))
        .toString();
  }

  static String longTable(LongWorkoutBenchmark.Result r) {
    String when = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
    return new StringBuilder()
        .append("\n## bench long, ").append(when).append("\n\n")
        .append("Machine: ").append(machine()).append(". Local mode (Pulsar standalone, Cassandra 5.0, Redis; ")
        .append("all on this machine); ").append(r.workouts()).append(" workouts of 24 hours at 1 Hz (86,400 ")
        .append("samples each, streamed in ").append(String.format(Locale.ROOT, "%.0f", r.streamSeconds()))
        .append(" s), finished one by one after one warm-up finish (and one warm-up import); heap peaks sampled every 100 ms in the bench's JVM (which hosts the ")
        .append("services).\n\n")
        .append("| measure | value | target / ratio |\n|---|---|---|\n")
        .append(String.format(Locale.ROOT, "| raw CQL read of one workout's 86,400 rows (every bucket at once) | p50 %.0f ms, max %.0f ms | baseline |%n",
            r.rawReadP50Ms(), r.rawReadMaxMs()))
        .append(String.format(Locale.ROOT, "| FinishWorkout of a 24-hour workout (read, summarise, store; %d finishes) | p50 %.0f ms, max (p99) %.0f ms, peak heap %,d MiB | target p99 <= 2,000 ms; %.1fx the raw read%s |%n",
            r.workouts(), r.finishP50Ms(), r.finishMaxMs(), r.finishPeakHeapMiB(), r.finishP50Ms() / r.rawReadP50Ms(),
            clause(r.finishLoad())))
        .append(String.format(Locale.ROOT, "| ImportWorkout of a 24-hour FIT file (%,d bytes; %d imports) | p50 %.0f ms, max (p99) %.0f ms, peak heap %,d MiB | target p99 <= 3,000 ms%s |%n",
            r.fitBytes(), r.workouts(), r.importP50Ms(), r.importMaxMs(), r.importPeakHeapMiB(),
            clause(r.importLoad())))
        .toString();
  }

  /** "; text", or nothing for no text. */
  private static String clause(String text) {
    return text.isEmpty() ? "" : "; " + text;
  }

  /** A latency percentile in milliseconds (the histogram holds nanoseconds); NaN when nothing was recorded. */
  static double ms(org.HdrHistogram.Histogram h, double percentile) {
    return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(percentile) / 1e6;
  }

  /** The local servers the launcher started, by name (for {@link PhaseLoad}). */
  static Map<String, ProcessHandle> localServers() {
    return InfraLauncher.forCheckout(System.out).running(InfraLauncher.ALL);
  }

  /** Starts the local servers if they are not running; settings of local mode with every port free-chosen. */
  static Settings localServersAndFreePorts() throws Exception {
    InfraLauncher.forCheckout(System.out).up(InfraLauncher.ALL);
    Map<String, String> values = new HashMap<>(System.getenv());
    for (String name : PlatformConfig.DEPLOYABLES) {
      values.put("FITMESH_" + name.toUpperCase(Locale.ROOT) + "_PORT", "0");
    }
    return Settings.of(values);
  }

  /** Prints the table and, unless told not to, appends it to docs/benchmarks.md. */
  static void publish(String table, boolean record) throws IOException {
    System.out.println(table);
    if (record) {
      Path file = Path.of(System.getenv().getOrDefault("FITMESH_HOME", ".")).resolve("docs/benchmarks.md");
      append(file, table);
      System.out.println("recorded in " + file);
    }
  }

  static void append(Path file, String markdown) throws IOException {
    if (!Files.exists(file)) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, "# Benchmarks\n\nWritten by `./fitmesh bench ...`; newest at the bottom. Each figure "
          + "is next to a raw baseline measured in the same run on the same machine.\n");
    }
    Files.writeString(file, markdown, StandardOpenOption.APPEND);
  }

  private static String row(String what, double value, String unit, String ratio) {
    return String.format(Locale.ROOT, "| %s | %,.0f %s | %s |%n", what, value, unit, ratio);
  }
}
