package io.fitmesh.challenge.domain;

import java.time.Instant;
import java.util.List;

/**
 * One workout in one athlete's challenge progress: what it is worth (and the metres it covered, whatever the goal
 * kind) and whether it counts. A flagged workout
 * counts only once the challenge's creator clears it; its flags stay for the athlete to read.
 */
public record Contribution(String workoutId, double value, double distanceM, Instant endTime,
    List<PlausibilityFlag> flags, boolean cleared) {

  public Contribution {
    flags = List.copyOf(flags);
  }

  public boolean counted() {
    return flags.isEmpty() || cleared;
  }

  public Contribution clear() {
    return new Contribution(workoutId, value, distanceM, endTime, flags, true);
  }
}
