package io.fitmesh.app.bench;

import io.fitmesh.platform.config.Settings;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** fitmesh bench reco. */
@Command(
    name = "reco",
    mixinStandardHelpOptions = true,
    description = {
      "Scenario 3 in local mode with the reference catalogue answering in 20 ms and the availability cache off:",
      "throughput of whole recommendation screens through the BFF next to a raw baseline making the same",
      "downstream calls directly (analytics gRPC + catalogue HTTP), latency at --rate screens/s, and the same with",
      "the catalogue hanging. Appends the table to docs/benchmarks.md. Starts the local servers if not running."
    })
public final class RecoBench implements Callable<Integer> {
  @Option(names = "--athletes", defaultValue = "500", description = "Athletes seeded (default: ${DEFAULT-VALUE}).")
  int athletes;

  @Option(names = "--concurrency", defaultValue = "64", description = "Callers in the throughput phases (default: ${DEFAULT-VALUE}).")
  int concurrency;

  @Option(names = "--rate", defaultValue = "500", description = "Screens/s in the latency phases (default: ${DEFAULT-VALUE}).")
  int rate;

  @Option(names = "--seconds", defaultValue = "15", description = "Length of each phase (default: ${DEFAULT-VALUE}).")
  int seconds;

  @Mixin
  Repeat repeat = new Repeat();


  @Override
  public Integer call() throws Exception {
    if (athletes < 10 || athletes > 20_000 || concurrency < 1 || concurrency > 512 || rate < 1 || rate > 5000
        || seconds < 1 || seconds > 300) {
      System.err.println("fitmesh bench reco: need 10 <= athletes <= 20000, 1 <= concurrency <= 512, "
          + "1 <= rate <= 5000, 1 <= seconds <= 300");
      return 2;
    }
    return repeat.publish(this::oneRun);
  }

  /** One run on a fresh node: its table. */
  String oneRun() throws Exception {
    Settings settings = BenchReport.localServersAndFreePorts();
    try (RecoBenchmark bench = new RecoBenchmark(settings, System.out)) {
      return BenchReport.recoTable(bench.run(athletes, concurrency, rate, seconds));
    }
  }
}
