package io.fitmesh.group.domain;

import static java.util.Objects.requireNonNull;

import java.time.DayOfWeek;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * Training's events into the clubs of the workout's athlete: one feed row and one week row per club, whatever
 * the club's size. ONLY_ME workouts are kept out of the stats (and never shown in the feed by the reader).
 */
public final class ClubActivity {
  private final ClubStore clubs;
  private final ClubActivityStore activity;

  public ClubActivity(ClubStore clubs, ClubActivityStore activity) {
    this.clubs = requireNonNull(clubs, "clubs");
    this.activity = requireNonNull(activity, "activity");
  }

  /** training.completed and training.changed (idempotent: the same rows again). */
  public void onFinished(ClubWorkout workout) {
    List<ClubActivityStore.ClubWeekKey> keys = new ArrayList<>();
    String position = null;
    do {
      Page<Club> page = clubs.clubsOf(workout.athleteId(), position, 500);
      for (Club club : page.items()) {
        keys.add(new ClubActivityStore.ClubWeekKey(club.clubId(), workout.startTime().atZone(club.timeZone())
            .toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))));
      }
      position = page.next();
    } while (position != null);
    if (!keys.isEmpty()) {
      activity.record(workout, keys);
    }
  }

  /** training.deleted. */
  public void onDeleted(String workoutId) {
    activity.delete(workoutId);
  }
}
