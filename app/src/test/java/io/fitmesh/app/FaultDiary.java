package io.fitmesh.app;

import static org.awaitility.Awaitility.await;

import io.fitmesh.app.simulate.Simulation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Inflicts faults one at a time while a {@link Simulation} runs as their load and writes down, for each, what the load saw: the
 * calls made meanwhile by status, the workouts finished, and how long after the fault's end the next one was.
 */
final class FaultDiary {
  /** A fault and its end: kill, slow, cut, stop and restart. */
  @FunctionalInterface
  interface Fault {
    void inflict() throws Exception;
  }

  private final Simulation load;
  private final Duration recoveryBound;
  private final List<String> rows = new ArrayList<>(List.of(
      "| fault | lasted | calls from the fault until recovered, by status (-1: no answer in 10 s) "
          + "| workouts finished in that time | recovered after |",
      "|---|---|---|---|---|"));

  FaultDiary(Simulation load, Duration recoveryBound) {
    this.load = load;
    this.recoveryBound = recoveryBound;
  }

  /** Inflicts the fault, then waits (up to the bound) until the load finishes a workout after its end. */
  void inflict(String name, Fault fault) throws Exception {
    Map<Integer, Long> before = load.answers();
    int finishedBefore = load.finished().size();
    Instant start = Instant.now();
    fault.inflict();
    Instant over = Instant.now();
    await(name).atMost(recoveryBound).pollInterval(Duration.ofMillis(100)).until(() ->
        load.finished().stream().anyMatch(workout -> workout.at().isAfter(over)));
    Instant recovered = load.finished().stream().map(Simulation.Finished::at).filter(at -> at.isAfter(over))
        .min(Instant::compareTo).orElseThrow();
    Map<Integer, Long> meanwhile = new TreeMap<>();
    load.answers().forEach((status, count) -> {
      long added = count - before.getOrDefault(status, 0L);
      if (added > 0) {
        meanwhile.put(status, added);
      }
    });
    rows.add(String.format("| %s | %.1f s | %s | %d | %.1f s |", name, seconds(start, over), meanwhile,
        load.finished().size() - finishedBefore, seconds(over, recovered)));
    System.out.println("fault survived: " + rows.get(rows.size() - 1));
  }

  /** Writes the table and a line of totals as Markdown (for docs/reliability.md). */
  void write(Path file, String totals) throws IOException {
    List<String> lines = new ArrayList<>(rows);
    lines.add("");
    lines.add(totals);
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, lines);
    lines.forEach(System.out::println);
  }

  private static double seconds(Instant from, Instant to) {
    return Duration.between(from, to).toMillis() / 1000.0;
  }
}
