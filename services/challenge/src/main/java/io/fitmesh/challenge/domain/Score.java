package io.fitmesh.challenge.domain;

import java.time.Instant;

/**
 * A participant's score in the goal kind's unit, when it was reached, and how many workouts make it.
 * For FASTEST_EFFORT the value is the best effort's seconds, 0 while there is none.
 */
public record Score(double value, Instant reachedTime, int countedWorkouts) {

  public static Score none(Instant since) {
    return new Score(0, since, 0);
  }
}
