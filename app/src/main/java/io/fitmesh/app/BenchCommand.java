package io.fitmesh.app;

import io.fitmesh.app.bench.AllBench;
import io.fitmesh.app.bench.FeedBench;
import io.fitmesh.app.bench.IngestBench;
import io.fitmesh.app.bench.LeaderboardBench;
import io.fitmesh.app.bench.LongWorkoutBench;
import io.fitmesh.app.bench.RecoBench;
import picocli.CommandLine.Command;

/** fitmesh bench: throughput and latency next to raw baselines, recorded in docs/benchmarks.md. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Measure FitMesh on this machine against raw baselines from the same run (local mode).",
    subcommands = {IngestBench.class, LeaderboardBench.class, FeedBench.class, RecoBench.class,
        LongWorkoutBench.class, AllBench.class})
final class BenchCommand implements Runnable {
  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }
}
