package io.fitmesh.training.domain;

import io.fitmesh.platform.domain.PendingEvent;
import java.util.Optional;

/** Workouts by id and by athlete (newest first). Failures are UNAVAILABLE domain exceptions. */
public interface WorkoutStore {

  /** The workout, or its tombstone (state DELETED) when it was deleted. */
  Optional<WorkoutRecord> get(String workoutId);

  /**
   * Stores the workout unless its id exists (a deleted workout's tombstone included); returns whichever is stored
   * now. An import being written is not listed until it is finished.
   */
  WorkoutRecord createIfAbsent(WorkoutRecord workout);

  /** The athlete's workouts newest first, after {@code position} (null: from the newest). */
  WorkoutPage listByAthlete(String athleteId, String position, int limit);

  /**
   * Replaces the workout with its finished form and stores the event, atomically. A workout deleted meanwhile
   * stays deleted (the event is stored all the same; consumers ignore it).
   */
  void finish(WorkoutRecord finished, PendingEvent completed);

  /**
   * Replaces the workout with a changed form (title, visibility) and stores the event when there is one,
   * atomically. A workout deleted meanwhile stays deleted.
   */
  void update(WorkoutRecord changed, PendingEvent event);

  /** Replaces the workout with its tombstone for good and stores the event, atomically. */
  void delete(WorkoutRecord workout, PendingEvent deleted);
}
