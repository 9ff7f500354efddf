package io.fitmesh.training.domain;

import java.util.List;

/**
 * What a device totalled itself for one session of an imported file (a FIT session with its laps and lengths):
 * what the athlete saw on the watch. Null where the file does not say; see {@link DeviceFigures} for how the
 * figures are used.
 */
public record DeviceTotals(
    Double distanceM,
    Double timerS,
    Double elapsedS,
    Double averageHeartRateBpm,
    Double maxHeartRateBpm,
    Double averagePowerWatts,
    Double averageCadenceRpm,
    Double caloriesKcal,
    Double ascentM,
    Double descentM,
    Double maxSpeedMps,
    Double poolLengthM,
    Integer poolLengths,
    List<Lap> laps) {

  /** A file without device totals (GPX, or a FIT file without a session message). */
  public static final DeviceTotals NONE = new DeviceTotals(null, null, null, null, null, null, null, null, null, null,
      null, null, null, List.of());

  /** Longer than any workout: a duration beyond it in a file is not believed. */
  public static final double MAX_DURATION_S = 10 * 24 * 3600;
  /** Farther than any workout goes. */
  public static final double MAX_DISTANCE_M = 5_000_000;
  /** Pools are 25 m, 25 yd, 33 1/3 m or 50 m; anything past this is not a pool. */
  public static final double MAX_POOL_LENGTH_M = 100;
  public static final int MAX_POOL_LENGTHS = 10_000;

  /**
   * Figures a file may claim but no workout has (negative, not finite, beyond what a human or device does) are
   * dropped as unsaid, and so is a timer longer than the elapsed time it is part of.
   */
  public DeviceTotals {
    distanceM = within(distanceM, 0, MAX_DISTANCE_M);
    timerS = within(timerS, 0, MAX_DURATION_S);
    elapsedS = within(elapsedS, 0, MAX_DURATION_S);
    if (timerS != null && elapsedS != null && timerS > elapsedS + 1) {
      timerS = null;
    }
    averageHeartRateBpm = within(averageHeartRateBpm, 20, 250);
    maxHeartRateBpm = within(maxHeartRateBpm, 20, 250);
    averagePowerWatts = within(averagePowerWatts, 0, 3000);
    averageCadenceRpm = within(averageCadenceRpm, 0, 300);
    caloriesKcal = within(caloriesKcal, 0, 50_000);
    ascentM = within(ascentM, 0, 30_000);
    descentM = within(descentM, 0, 30_000);
    maxSpeedMps = within(maxSpeedMps, 0, 100);
    poolLengthM = within(poolLengthM, 10, MAX_POOL_LENGTH_M);
    poolLengths = poolLengths == null || poolLengths < 1 || poolLengths > MAX_POOL_LENGTHS ? null : poolLengths;
    laps = laps.stream().allMatch(DeviceTotals::believable) ? List.copyOf(laps) : List.of();
  }

  private static Double within(Double value, double min, double max) {
    return value == null || !Double.isFinite(value) || value < min || value > max ? null : value;
  }

  private static boolean believable(Lap lap) {
    return Double.isFinite(lap.distanceM()) && lap.distanceM() >= 0 && lap.distanceM() <= MAX_DISTANCE_M
        && Double.isFinite(lap.timerS()) && lap.timerS() >= 0 && lap.timerS() <= MAX_DURATION_S
        && (lap.ascentM() == null || (lap.ascentM() >= 0 && lap.ascentM() <= 30_000));
  }

  /** One lap as the device closed it. */
  public record Lap(double distanceM, double timerS, Double ascentM) {}

  /** True when the file says how long the session's timer ran: enough for a workout without samples. */
  public boolean hasTimer() {
    return timerS != null && timerS > 0;
  }

  /** A pool swim's distance: pool length times active lengths; null when not a pool swim. */
  public Double poolDistanceM() {
    return poolLengthM != null && poolLengthM > 0 && poolLengths != null && poolLengths > 0
        ? poolLengthM * poolLengths : null;
  }
}
