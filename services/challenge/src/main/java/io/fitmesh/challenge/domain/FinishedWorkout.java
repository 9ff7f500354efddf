package io.fitmesh.challenge.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a challenge needs of a finished workout, taken from training's server-side summary.
 *
 * @param bestEffortsS fastest seconds by standard distance in metres
 * @param startLatitudeDeg NaN when the workout has no position
 */
public record FinishedWorkout(
    String workoutId,
    String athleteId,
    Sport sport,
    Instant startTime,
    Instant endTime,
    double distanceM,
    double movingS,
    double elevationGainM,
    Map<Double, Double> bestEffortsS,
    double startLatitudeDeg,
    double startLongitudeDeg,
    List<PlausibilityFlag> flags) {

  public FinishedWorkout {
    bestEffortsS = Map.copyOf(bestEffortsS);
    flags = List.copyOf(flags);
  }

  public boolean hasStartPosition() {
    return !Double.isNaN(startLatitudeDeg) && !Double.isNaN(startLongitudeDeg);
  }
}
