package io.fitmesh.app.bench;

import io.fitmesh.platform.config.Settings;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** fitmesh bench feed. */
@Command(
    name = "feed",
    mixinStandardHelpOptions = true,
    description = {
      "Scenario 2 in local mode: fan-out of one workout to --followers followers (event to the last timeline",
      "written) and sustained fan-out next to raw pipelined Redis ZADD to as many timelines; home feed reads",
      "(page of 20, a celebrity merged) at --read-rate through the BFF; pushes from training.completed to a",
      "mock APNs server at --push-rate workouts/s. Appends the table to docs/benchmarks.md. Starts the local",
      "servers if they are not running."
    })
public final class FeedBench implements Callable<Integer> {
  @Option(names = "--followers", defaultValue = "5000", description = "Followers of the author (default: ${DEFAULT-VALUE}).")
  int followers;

  @Option(names = "--read-rate", defaultValue = "2000", description = "Home feed reads/s (default: ${DEFAULT-VALUE}).")
  int readRate;

  @Option(names = "--push-rate", defaultValue = "100", description = "Workouts/s that push (default: ${DEFAULT-VALUE}).")
  int pushRate;

  @Option(names = "--seconds", defaultValue = "10", description = "Length of the read and push phases (default: ${DEFAULT-VALUE}).")
  int seconds;

  @Mixin
  Repeat repeat = new Repeat();


  @Override
  public Integer call() throws Exception {
    if (followers < 100 || followers > 100_000 || readRate < 1 || readRate > 20_000 || pushRate < 1
        || pushRate > 1000 || seconds < 1 || seconds > 300) {
      System.err.println("fitmesh bench feed: need 100 <= followers <= 100000, 1 <= read-rate <= 20000, "
          + "1 <= push-rate <= 1000, 1 <= seconds <= 300");
      return 2;
    }
    return repeat.publish(this::oneRun);
  }

  /** One run on a fresh node: its table. */
  String oneRun() throws Exception {
    Settings settings = BenchReport.localServersAndFreePorts();
    try (FeedBenchmark bench = new FeedBenchmark(settings, System.out)) {
      return BenchReport.feedTable(bench.run(followers, readRate, pushRate, seconds));
    }
  }
}
