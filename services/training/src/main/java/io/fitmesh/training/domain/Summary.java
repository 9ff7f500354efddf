package io.fitmesh.training.domain;

import java.time.Instant;
import io.fitmesh.platform.geo.LatLon;
import io.fitmesh.platform.geo.PrivacyZone;
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
    List<BestEffort> bestEfforts,
    List<PlausibilityCheck.Flag> flags,
    LatLon startPosition,
    List<LatLon> route,
    Sources sources,
    double poolLengthM,
    int poolLengths) {

  /** A summary computed from samples alone, without pool lengths. */
  public Summary(Instant endTime, long sampleCount, double distanceM, double elapsedS, double movingS,
      double averageSpeedMps, double maxSpeedMps, double averagePaceSPerKm, double elevationGainM,
      double elevationLossM, double averageHeartRateBpm, double maxHeartRateBpm, List<Double> heartRateZoneS,
      double averagePowerWatts, double averageCadenceRpm, double caloriesKcal, List<Split> splits,
      List<BestEffort> bestEfforts, List<PlausibilityCheck.Flag> flags, LatLon startPosition, List<LatLon> route) {
    this(endTime, sampleCount, distanceM, elapsedS, movingS, averageSpeedMps, maxSpeedMps, averagePaceSPerKm,
        elevationGainM, elevationLossM, averageHeartRateBpm, maxHeartRateBpm, heartRateZoneS, averagePowerWatts,
        averageCadenceRpm, caloriesKcal, splits, bestEfforts, flags, startPosition, route, Sources.COMPUTED, 0, 0);
  }

  /** True when something about the workout is implausible; challenges do not count it. */
  public boolean isFlagged() {
    return !flags.isEmpty();
  }

  public Summary withFlags(List<PlausibilityCheck.Flag> newFlags) {
    return new Summary(endTime, sampleCount, distanceM, elapsedS, movingS, averageSpeedMps, maxSpeedMps,
        averagePaceSPerKm, elevationGainM, elevationLossM, averageHeartRateBpm, maxHeartRateBpm, heartRateZoneS,
        averagePowerWatts, averageCadenceRpm, caloriesKcal, splits, bestEfforts, List.copyOf(newFlags),
        startPosition, route, sources, poolLengthM, poolLengths);
  }

  /**
   * As anyone but the athlete sees it: the route without its points inside the athlete's privacy zones, and
   * the start replaced by the first point outside them (none when every point is inside). Totals stay.
   */
  public Summary hiding(List<PrivacyZone> zones) {
    if (zones.isEmpty()) {
      return this;
    }
    List<LatLon> shownRoute = PrivacyZone.outside(route, zones);
    LatLon shownStart = PrivacyZone.shown(startPosition, zones)
        .orElse(shownRoute.isEmpty() ? null : shownRoute.get(0));
    return new Summary(endTime, sampleCount, distanceM, elapsedS, movingS, averageSpeedMps, maxSpeedMps,
        averagePaceSPerKm, elevationGainM, elevationLossM, averageHeartRateBpm, maxHeartRateBpm, heartRateZoneS,
        averagePowerWatts, averageCadenceRpm, caloriesKcal, splits, bestEfforts, flags, shownStart, shownRoute,
        sources, poolLengthM, poolLengths);
  }

  /** Where a figure came from: computed from the samples, or the device's own total in the imported file. */
  public enum Source { COMPUTED, DEVICE }

  /** The source of each figure a device may total itself; see docs/workout-figures.md. */
  public record Sources(Source distance, Source movingTime, Source elapsedTime, Source heartRate, Source power,
      Source cadence, Source calories, Source elevation, Source splits, Source maxSpeed) {
    public static final Sources COMPUTED = new Sources(Source.COMPUTED, Source.COMPUTED, Source.COMPUTED,
        Source.COMPUTED, Source.COMPUTED, Source.COMPUTED, Source.COMPUTED, Source.COMPUTED, Source.COMPUTED,
        Source.COMPUTED);
  }

  /** One kilometre (the last may be shorter), or one of the device's laps. */
  public record Split(int index, double distanceM, double movingS, double elevationGainM) {}

  /** Fastest time over a standard distance within the workout. */
  public record BestEffort(String name, double distanceM, double elapsedS) {}
}
