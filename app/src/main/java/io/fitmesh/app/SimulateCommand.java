package io.fitmesh.app;

import io.fitmesh.app.simulate.Simulation;
import io.fitmesh.platform.auth.DevTokens;
import io.fitmesh.platform.client.MobileClient;
import io.fitmesh.platform.config.Backends;
import io.fitmesh.platform.config.ConfigException;
import io.fitmesh.platform.config.PlatformConfig;
import io.fitmesh.platform.config.Settings;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** fitmesh simulate: athletes recording, finishing, joining and reading feeds against a running FitMesh. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Drive a running FitMesh (any mode: ./fitmesh run, --processes, a cluster behind its BFF) through the BFF's",
      "JSON API as phones do: N athletes each record one workout after another (start, upload 120 samples,",
      "finish), a new athlete joins their challenge every third workout, and a follower of them all reads the feed.",
      "Calls answered 503/504 are tried again with the same ids. Every few seconds it prints the rates, the answers",
      "by status and each kind of call's latency percentiles; at the end, the totals.",
      "Tokens are development tokens (FITMESH_JWT_SECRET or the development secret), which a FitMesh accepts on",
      "127.0.0.1 in embedded and local mode."
    })
final class SimulateCommand implements Callable<Integer> {
  private static final Duration REPORT_EVERY = Duration.ofSeconds(5);

  @Option(names = "--bff", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:8080",
      description = "The BFF's address (default: ${DEFAULT-VALUE}).")
  String bff;

  @Option(names = "--athletes", paramLabel = "N", defaultValue = "10",
      description = "Athletes recording at once, 1..200 (default: ${DEFAULT-VALUE}).")
  int athletes;

  @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "60s",
      description = "How long to run: 30s, 5m, ... (default: ${DEFAULT-VALUE}).")
  String duration;

  @Override
  public Integer call() throws Exception {
    PrintStream out = System.out;
    Duration runFor;
    DevTokens tokens;
    try {
      Settings settings = Settings.fromEnvironment().withOverrides(Map.of("FITMESH_SIMULATE_FOR", duration));
      runFor = settings.duration("FITMESH_SIMULATE_FOR", Duration.ofSeconds(60));
      if (athletes < 1 || athletes > 200) {
        throw new ConfigException("--athletes must be 1..200, was " + athletes);
      }
      if (!bff.matches("[A-Za-z0-9.\\-]+:[0-9]{1,5}")) {
        throw new ConfigException("--bff must be HOST:PORT, was " + bff);
      }
      PlatformConfig config = PlatformConfig.from(settings, Backends.EMBEDDED);
      tokens = new DevTokens(config.auth().devSecret(), config.auth().clockSkew(), config.auth().maxLifetime(),
          Clock.systemUTC());
    } catch (ConfigException | IllegalArgumentException e) {
      System.err.println("fitmesh simulate: " + e.getMessage().replace("FITMESH_SIMULATE_FOR", "--duration"));
      return 2;
    }
    String prefix = "sim-" + UUID.randomUUID().toString().substring(0, 6);
    out.printf("simulating %d athletes (%s-1..%d, follower %s-fan) against %s for %s%n", athletes, prefix, athletes,
        prefix, bff, duration);
    Simulation simulation;
    try {
      simulation = Simulation.start(athlete -> new MobileClient(bff, tokens.mint(athlete, Duration.ofHours(1))),
          prefix, athletes);
    } catch (IllegalStateException refused) {
      System.err.println("fitmesh simulate: " + refused.getMessage());
      return 1;
    } catch (java.util.concurrent.CompletionException noAnswer) {
      System.err.println("fitmesh simulate: no answer from " + bff + " (is FitMesh running there?)");
      return 1;
    }
    try (simulation) {
      reportUntil(simulation, Instant.now().plus(runFor), out);
      out.println("stopping: each athlete finishes the workout in hand");
    }
    out.printf("done: %,d workouts finished (%,d samples), %,d joins, %,d calls, answers %s%n  ms over the run: %s%n",
        simulation.finished().size(), simulation.finished().size() * (long) Simulation.SAMPLES_PER_WORKOUT,
        simulation.joiners().size(), simulation.calls(), simulation.answers(), simulation.latencySummary());
    if (!simulation.failures().isEmpty()) {
      out.printf("%d calls failed for good, e.g. %s%n", simulation.failures().size(), simulation.failures().get(0));
      return 1;
    }
    return 0;
  }

  /** Prints the rates, answers and latencies of the last few seconds every {@link #REPORT_EVERY} until {@code end}. */
  private static void reportUntil(Simulation simulation, Instant end, PrintStream out) throws InterruptedException {
    Instant start = Instant.now();
    Instant reported = start;
    long workoutsBefore = 0;
    long callsBefore = 0;
    while (Instant.now().isBefore(end)) {
      Thread.sleep(Math.min(REPORT_EVERY.toMillis(), Math.max(1, Duration.between(Instant.now(), end).toMillis())));
      Instant now = Instant.now();
      double seconds = Math.max(0.001, Duration.between(reported, now).toMillis() / 1000.0);
      long workouts = simulation.finished().size();
      long calls = simulation.calls();
      out.printf("%4ds  %,d workouts (%.1f/s), %,d calls (%.1f/s), %d joins, answers %s, ETA %ds%n  ms: %s%n",
          Duration.between(start, now).toSeconds(), workouts, (workouts - workoutsBefore) / seconds, calls,
          (calls - callsBefore) / seconds, simulation.joiners().size(), simulation.answers(),
          Math.max(0, Duration.between(now, end).toSeconds()), simulation.latencyReport());
      reported = now;
      workoutsBefore = workouts;
      callsBefore = calls;
    }
  }
}
