package io.fitmesh.app.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** fitmesh bench all. */
@Command(
    name = "all",
    mixinStandardHelpOptions = true,
    description = {
      "Every bench (ingest, leaderboard, feed, reco, long) with its default options, one after another, in local",
      "mode; appends them to docs/benchmarks.md as one dated section. Takes about half an hour on 2 cores per run.",
      "Starts the local servers if not running."
    })
public final class AllBench implements Callable<Integer> {
  @Mixin
  Repeat repeat = new Repeat();


  @Override
  public Integer call() throws Exception {
    if (repeat.refusedTimes()) {
      return 2;
    }
    Map<String, Callable<String>> benches = new LinkedHashMap<>();
    benches.put("ingest", withDefaults(new IngestBench())::oneRun);
    benches.put("leaderboard", withDefaults(new LeaderboardBench())::oneRun);
    benches.put("feed", withDefaults(new FeedBench())::oneRun);
    benches.put("reco", withDefaults(new RecoBench())::oneRun);
    benches.put("long", withDefaults(new LongWorkoutBench())::oneRun);
    Instant start = Instant.now();
    StringBuilder section = new StringBuilder()
        .append("\n## bench all, ")
        .append(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")))
        .append("\n\nEvery bench with its default options, one after another, on ").append(BenchReport.machine())
        .append(".\n");
    int done = 0;
    for (Map.Entry<String, Callable<String>> bench : benches.entrySet()) {
      System.out.printf("== bench %s (%d of %d, %d s so far)%n", bench.getKey(), ++done, benches.size(),
          Duration.between(start, Instant.now()).toSeconds());
      section.append(repeat.runs(bench.getValue()).replace("\n## ", "\n### "));
    }
    BenchReport.publish(section.toString(), repeat.record());
    return 0;
  }

  /** The bench with the defaults its options declare, as if run without options. */
  private static <T> T withDefaults(T bench) {
    new CommandLine(bench).parseArgs();
    return bench;
  }
}
