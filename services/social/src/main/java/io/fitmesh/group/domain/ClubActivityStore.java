package io.fitmesh.group.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * Members' workouts per club: one row per workout per club for the feed (newest first) and one per week for the
 * stats, never one per member. A deleted workout's rows go for good.
 */
public interface ClubActivityStore {

  /** Records the workout in each of these clubs, in the week it falls in (per club zone); idempotent. */
  void record(ClubWorkout workout, Collection<ClubWeekKey> clubs);

  /** Removes the workout from every club it was recorded in, for good. */
  void delete(String workoutId);

  /** Workout ids of the club's feed, newest first, after a position from a previous page. */
  Page<String> feed(String clubId, String after, int limit);

  /** The workouts of a club's week. */
  List<ClubWorkout> week(String clubId, LocalDate weekStart);

  /** A club and the Monday of the week a workout falls in there. */
  record ClubWeekKey(String clubId, LocalDate weekStart) {}
}
