package io.fitmesh.training.domain;

import java.time.Instant;
import java.time.ZoneId;

/** A workout as the training service keeps it. Immutable. */
public record WorkoutRecord(
    String workoutId,
    String athleteId,
    Sport sport,
    Instant startTime,
    ZoneId timeZone,
    Visibility visibility,
    State state,
    String title,
    Source source,
    Summary summary) {

  public enum State { RECORDING, FINISHED }

  public enum Source { RECORDED, IMPORTED }

  public WorkoutRecord finished(Summary summary) {
    return new WorkoutRecord(workoutId, athleteId, sport, startTime, timeZone, visibility, State.FINISHED, title,
        source, summary);
  }

  public boolean isVisibleTo(String athlete) {
    return athleteId.equals(athlete) || visibility == Visibility.EVERYONE;
  }
}
