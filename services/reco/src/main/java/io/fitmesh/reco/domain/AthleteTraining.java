package io.fitmesh.reco.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * An athlete's training as analytics sees it today: what every recommendation reasons from.
 *
 * @param lastHardDay the latest hard day of the last 42 (load at least 1.5x the chronic load before it)
 * @param recentSports sports of the last 90 days, most workouts first
 * @param maxHeartRateBpm the highest heart rate of the last year; 0 when unknown
 */
public record AthleteTraining(
    ZoneId zone,
    double acuteLoad,
    double chronicLoad,
    int workoutCount,
    Optional<Instant> firstWorkout,
    Optional<LatestWorkout> latest,
    Optional<LocalDate> lastHardDay,
    List<SportShare> recentSports,
    double maxHeartRateBpm,
    List<BestEffort> bestEfforts,
    List<BestEffort> bestEfforts90DaysAgo,
    long challengesJoined) {

  /** The latest workout: when it ended, its load and sport. */
  public record LatestWorkout(Instant end, double load, Sport sport) {}

  /** A sport of the last 90 days. */
  public record SportShare(Sport sport, int count, double distanceM) {}

  /** The sport done most lately; RUN for an athlete without workouts. */
  public Sport mainSport() {
    return recentSports.isEmpty() ? Sport.RUN : recentSports.get(0).sport();
  }

  /** acute / chronic, 0 without chronic load. */
  public double loadRatio() {
    return chronicLoad > 0 ? acuteLoad / chronicLoad : 0;
  }
}
