package io.fitmesh.app.bench;

import io.fitmesh.app.FitmeshNode;
import io.fitmesh.platform.config.Backends;
import io.fitmesh.platform.config.PlatformConfig;
import io.fitmesh.platform.config.Settings;
import io.fitmesh.platform.runtime.PlatformRuntime;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** fitmesh bench long. */
@Command(
    name = "long",
    mixinStandardHelpOptions = true,
    description = {
      "24-hour workouts at 1 Hz (86,400 samples) in local mode: finish latency next to a raw CQL read of the same",
      "rows, and the import of a 24-hour FIT file, each with peak heap. Appends the table to docs/benchmarks.md.",
      "Starts the local servers if not running."
    })
public final class LongWorkoutBench implements Callable<Integer> {
  @Option(names = "--workouts", defaultValue = "10", description = "Workouts finished and files imported (default: ${DEFAULT-VALUE}).")
  int workouts;

  @Mixin
  Repeat repeat = new Repeat();


  @Override
  public Integer call() throws Exception {
    if (workouts < 1 || workouts > 100) {
      System.err.println("fitmesh bench long: --workouts must be 1..100");
      return 2;
    }
    return repeat.publish(this::oneRun);
  }

  /** One run on a fresh node: its table. */
  String oneRun() throws Exception {
    Settings settings = BenchReport.localServersAndFreePorts();
    PlatformRuntime runtime = PlatformRuntime.open(PlatformConfig.from(settings, Backends.LOCAL), "bench");
    FitmeshNode node = FitmeshNode.start(runtime);
    try {
      return BenchReport.longTable(new LongWorkoutBenchmark(runtime, node, System.out).run(workouts));
    } finally {
      node.close();
    }
  }
}
