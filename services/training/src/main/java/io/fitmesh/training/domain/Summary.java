package io.fitmesh.training.domain;

import java.time.Instant;
import java.util.List;

/** What a finished workout amounted to; see SummaryCalculator for how each figure is made. */
public record Summary(
    Instant endTime,
    long sampleCount,
    double distanceM,
    double elapsedS,
    double movingS,
    double averageSpeedMps,
    double maxSpeedMps,
    double averagePaceSPerKm,
    double elevationGainM,
    double elevationLossM,
    double averageHeartRateBpm,
    double maxHeartRateBpm,
    List<Double> heartRateZoneS,
    double averagePowerWatts,
    double averageCadenceRpm,
    double caloriesKcal,
    List<Split> splits,
    List<BestEffort> bestEfforts) {

  /** One kilometre (the last may be shorter). */
  public record Split(int index, double distanceM, double movingS, double elevationGainM) {}

  /** Fastest time over a standard distance within the workout. */
  public record BestEffort(String name, double distanceM, double elapsedS) {}
}
