package io.fitmesh.training.domain;

import java.util.Optional;

/** Workouts by id and by athlete (newest first). Failures are UNAVAILABLE domain exceptions. */
public interface WorkoutStore {

  Optional<WorkoutRecord> get(String workoutId);

  /** Stores the workout unless its id exists; returns whichever is stored now. */
  WorkoutRecord createIfAbsent(WorkoutRecord workout);

  /** The athlete's workouts newest first, after {@code position} (null: from the newest). */
  WorkoutPage listByAthlete(String athleteId, String position, int limit);

  /** Replaces the workout with its finished form and stores the event, atomically. */
  void finish(WorkoutRecord finished, PendingEvent completed);

  /** Removes the workout and stores the event, atomically. */
  void delete(WorkoutRecord workout, PendingEvent deleted);
}
