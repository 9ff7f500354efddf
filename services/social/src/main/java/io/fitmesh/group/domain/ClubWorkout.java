package io.fitmesh.group.domain;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A member's finished workout as a club counts it: the club feed lists it, the week's stats add it up.
 *
 * @param counted false for an ONLY_ME workout, which stats leave out (the feed's reader never sees it anyway)
 */
public record ClubWorkout(String workoutId, String athleteId, Instant startTime, double distanceM, double movingS,
    double elevationGainM, boolean counted) {

  public ClubWorkout {
    requireNonNull(workoutId, "workoutId");
    requireNonNull(athleteId, "athleteId");
    requireNonNull(startTime, "startTime");
  }
}
