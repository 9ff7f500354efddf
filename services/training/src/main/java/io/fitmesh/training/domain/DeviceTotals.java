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

  /** Figures a file may claim but no workout has (negative, beyond the limits) are dropped as unsaid. */
  public DeviceTotals {
    distanceM = within(distanceM, MAX_DISTANCE_M);
    timerS = within(timerS, MAX_DURATION_S);
    elapsedS = within(elapsedS, MAX_DURATION_S);
    if (timerS != null && elapsedS != null && timerS > elapsedS) {
      elapsedS = null;
    }
    laps = List.copyOf(laps);
  }

  private static Double within(Double value, double max) {
    return value == null || !Double.isFinite(value) || value < 0 || value > max ? null : value;
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
