package io.fitmesh.app.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Option;

/**
 * The options every bench shares: {@code --repeat N} (N runs, their tables made into one of medians and spreads)
 * and {@code --no-record}.
 */
final class Repeat {
  @Option(names = "--repeat", paramLabel = "N", defaultValue = "1",
      description = "Run the bench N times, 1..20, each on a fresh node, and record each figure's median with its "
          + "spread (min-max) (default: ${DEFAULT-VALUE}).")
  int times = 1;

  @Option(names = "--no-record", description = "Do not append the results to docs/benchmarks.md.")
  boolean noRecord;

  /** Whether the results go into docs/benchmarks.md. */
  boolean record() {
    return !noRecord;
  }

  /** True, having said why, when N is out of range. */
  boolean refusedTimes() {
    if (times < 1 || times > 20) {
      System.err.println("fitmesh bench: --repeat must be 1..20, was " + times);
      return true;
    }
    return false;
  }

  /** Runs {@code oneRun} the given times and publishes the combined table; 2 (usage) when N is out of range. */
  int publish(Callable<String> oneRun) throws Exception {
    if (refusedTimes()) {
      return 2;
    }
    BenchReport.publish(runs(oneRun), record());
    return 0;
  }

  /** The table of {@code oneRun} run the given times, combined. */
  String runs(Callable<String> oneRun) throws Exception {
    List<String> tables = new ArrayList<>();
    for (int run = 1; run <= times; run++) {
      if (times > 1) {
        System.out.printf("== run %d of %d%n", run, times);
      }
      tables.add(oneRun.call());
    }
    return RepeatedRuns.combine(tables);
  }
}
