package io.fitmesh.challenge.domain;

/** What a challenge ranks by; every kind but FASTEST_EFFORT sums its workouts and ranks higher first. */
public enum GoalKind {
  TOTAL_DISTANCE,
  TOTAL_MOVING_TIME,
  TOTAL_ELEVATION_GAIN,
  WORKOUT_COUNT,
  FASTEST_EFFORT;

  /** True when a lower score is better (a time). */
  public boolean lowerIsBetter() {
    return this == FASTEST_EFFORT;
  }
}
