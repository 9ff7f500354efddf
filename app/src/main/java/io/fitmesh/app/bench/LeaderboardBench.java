package io.fitmesh.app.bench;

import io.fitmesh.platform.config.Backends;
import io.fitmesh.platform.config.PlatformConfig;
import io.fitmesh.platform.config.Settings;
import io.fitmesh.platform.runtime.PlatformRuntime;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** fitmesh bench leaderboard. */
@Command(
    name = "leaderboard",
    mixinStandardHelpOptions = true,
    description = {
      "One challenge in local mode: joins through ChallengeService, a board of --participants entries, GetRank",
      "latency, watch-stream delay to --watchers streams, and board updates drained from Pulsar by the challenge",
      "service, next to raw pipelined Redis ZADD and raw Pulsar consumption measured in the same run; appends",
      "the table to docs/benchmarks.md. Starts the local servers if they are not running."
    })
public final class LeaderboardBench implements Callable<Integer> {
  @Option(names = "--joins", defaultValue = "100000", description = "Joins through the API (default: ${DEFAULT-VALUE}).")
  int joins;

  @Option(names = "--participants", defaultValue = "1000000",
      description = "Board size; entries beyond the joins go straight into Redis (default: ${DEFAULT-VALUE}).")
  int participants;

  @Option(names = "--watchers", defaultValue = "10000", description = "Watch streams (default: ${DEFAULT-VALUE}).")
  int watchers;

  @Option(names = "--updates", defaultValue = "1000000",
      description = "challenge.progress events to drain (default: ${DEFAULT-VALUE}).")
  int updates;

  @Mixin
  Repeat repeat = new Repeat();


  @Override
  public Integer call() throws Exception {
    if (joins < 100 || participants < joins || participants > 10_000_000 || watchers < 1 || watchers > joins
        || updates < 1000 || updates > 10_000_000) {
      System.err.println("fitmesh bench leaderboard: need 100 <= joins <= participants <= 10M, "
          + "1 <= watchers <= joins, 1000 <= updates <= 10M");
      return 2;
    }
    return repeat.publish(this::oneRun);
  }

  /** One run on fresh nodes: its table. */
  String oneRun() throws Exception {
    Settings settings = BenchReport.localServersAndFreePorts();
    PlatformConfig config = PlatformConfig.from(settings, Backends.LOCAL);
    return BenchReport.leaderboardTable(new LeaderboardBenchmark(
        () -> PlatformRuntime.open(config, "bench"), settings, System.out)
        .run(joins, participants, watchers, updates));
  }
}
