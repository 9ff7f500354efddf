package io.fitmesh.training.adapters;

import io.fitmesh.platform.errors.DomainException;
import io.fitmesh.training.domain.WorkoutRecord;
import java.time.Instant;

/** Where a newest-first listing stopped: the last workout's start time and id. */
record WorkoutPosition(Instant startTime, String workoutId) {

  static String of(WorkoutRecord last) {
    return last.startTime().toEpochMilli() + "|" + last.workoutId();
  }

  static WorkoutPosition parse(String position) {
    int bar = position.indexOf('|');
    try {
      return new WorkoutPosition(Instant.ofEpochMilli(Long.parseLong(position.substring(0, bar))),
          position.substring(bar + 1));
    } catch (RuntimeException e) {
      throw DomainException.invalidArgument("page_token", "page_token is not one this API returned");
    }
  }

  /** True when {@code w} comes after this position in newest-first order. */
  boolean isBefore(WorkoutRecord w) {
    int byTime = w.startTime().toEpochMilli() < startTime.toEpochMilli() ? 1
        : w.startTime().toEpochMilli() > startTime.toEpochMilli() ? -1 : 0;
    return byTime > 0 || (byTime == 0 && w.workoutId().compareTo(workoutId) > 0);
  }
}
