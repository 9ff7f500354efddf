package io.fitmesh.telemetry.domain;

import java.time.Instant;

/** Asks the owner of workouts (the training service) about the caller's workout. */
public interface WorkoutAccess {

  /** The caller owns the workout; it started at {@code startTime} and may still take samples if recording. */
  record Grant(Instant startTime, boolean recording) {}

  /**
   * Checks the calling athlete (from the call's token) owns the workout.
   *
   * @throws io.fitmesh.platform.errors.DomainException NOT_FOUND, PERMISSION_DENIED (another athlete's) or
   *     UNAVAILABLE
   */
  Grant check(String workoutId);
}
