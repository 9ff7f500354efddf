package io.fitmesh.training.domain;

import java.time.Instant;

/** What the client says when it starts (or imports) a workout; checked by {@link TrainingService}. */
public record StartCommand(
    String workoutId, Sport sport, Instant startTime, String timeZone, Visibility visibility, String title,
    String gearId) {

  /** Without gear: the default gear of its sport. */
  public StartCommand(String workoutId, Sport sport, Instant startTime, String timeZone, Visibility visibility,
      String title) {
    this(workoutId, sport, startTime, timeZone, visibility, title, "");
  }
}
