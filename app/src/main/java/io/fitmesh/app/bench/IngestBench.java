package io.fitmesh.app.bench;

import io.fitmesh.app.FitmeshNode;
import io.fitmesh.platform.config.Backends;
import io.fitmesh.platform.config.PlatformConfig;
import io.fitmesh.platform.config.Settings;
import io.fitmesh.platform.otel.OpenTelemetrySetup;
import io.fitmesh.platform.runtime.PlatformRuntime;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** fitmesh bench ingest. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Simulated wearables stream samples through gRPC -> telemetry -> CQL; prints samples/s, sample-to-durable",
      "latency, where a batch's time goes stage by stage (receive, queue, normalise, sample write, cursor, ack) and",
      "peak heap, next to raw gRPC streaming and raw CQL writes (at max and at the same half load) measured in the",
      "same run; then the upload path's own max (one upload in flight per device) and the latency at half of it.",
      "Appends the tables to docs/benchmarks.md. Starts the local servers if they are not running."
    })
public final class IngestBench implements Callable<Integer> {
  @Option(names = "--devices", defaultValue = "50", description = "Simulated devices (default: ${DEFAULT-VALUE}).")
  int devices;

  @Option(names = "--seconds", defaultValue = "20", description = "Seconds per phase (default: ${DEFAULT-VALUE}).")
  int seconds;

  @Mixin
  Repeat repeat = new Repeat();


  @Override
  public Integer call() throws Exception {
    if (devices < 1 || devices > 2000 || seconds < 5 || seconds > 600) {
      System.err.println("fitmesh bench ingest: --devices must be 1..2000 and --seconds 5..600");
      return 2;
    }
    return repeat.publish(this::oneRun);
  }

  /** One run on a fresh node: its table. */
  String oneRun() throws Exception {
    Settings settings = BenchReport.localServersAndFreePorts();
    PlatformConfig config = PlatformConfig.from(settings, Backends.LOCAL);
    StageTimings stages = new StageTimings();
    PlatformRuntime runtime = PlatformRuntime.open(config,
        OpenTelemetrySetup.create(config.otel(), "bench", List.of(stages)));
    FitmeshNode node = FitmeshNode.start(runtime);
    try {
      return BenchReport.ingestTable(
          new IngestBenchmark(runtime, node, stages, devices, Duration.ofSeconds(seconds), System.out).run());
    } finally {
      node.close();
    }
  }
}
