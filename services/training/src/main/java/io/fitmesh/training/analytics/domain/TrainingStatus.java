package io.fitmesh.training.analytics.domain;

import io.fitmesh.training.domain.Sport;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * An athlete's training as it stands today: what the recommendation service reasons from.
 *
 * @param lastHardDay the latest day of the last 42 whose load was at least 1.5x the chronic load of the day before
 *     (and at least {@link AnalyticsService#HARD_DAY_MIN_LOAD})
 * @param maxHeartRateBpm the highest heart rate of the last 365 days, 0 when none carried heart rate
 */
public record TrainingStatus(
    ZoneId zone,
    double acuteLoad,
    double chronicLoad,
    int workoutCount,
    Optional<Instant> firstWorkoutTime,
    Optional<Latest> latest,
    Optional<LocalDate> lastHardDay,
    List<RecentSport> recentSports,
    double maxHeartRateBpm,
    List<PersonalRecord> bestEfforts,
    List<PersonalRecord> bestEfforts90DaysAgo) {

  /** The latest workout: when it ended, its load, its sport. */
  public record Latest(Instant endTime, double load, Sport sport) {}

  /** A sport of the last 90 days. */
  public record RecentSport(Sport sport, int count, double distanceM) {}
}
