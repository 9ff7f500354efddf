package io.fitmesh.training.domain;

import io.fitmesh.platform.domain.PendingEvent;

/** Makes the events a workout change announces; they are published once the store has them. */
public interface WorkoutEvents {

  /** training.completed, keyed by athlete, with the finished workout. */
  PendingEvent completed(WorkoutRecord finished);

  /** training.changed, keyed by athlete, with the finished workout as it stands now. */
  PendingEvent changed(WorkoutRecord changed);

  /** training.deleted, keyed by athlete. */
  PendingEvent deleted(WorkoutRecord deleted);

  /** Asks for the events just stored to be published now rather than at the next relay round. */
  void flush();
}
