package io.fitmesh.training.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An imported workout's summary with the device's own totals where the file has them: what the athlete saw on the
 * watch, and what other platforms show. Each figure says its source ({@link Summary.Sources}); the figures
 * computed from the samples stay where the device said nothing. See docs/workout-figures.md.
 * <ul>
 *   <li>Distance: a pool swim's pool length times its active lengths; else the session's total distance; either
 *       unless it is more than {@link #MAX_DEVICE_EXCESS} times (plus {@link #DISTANCE_SLACK_M}) the distance of
 *       the file's own GPS track, which no foot pod or smoothing explains (a file edited to claim more).
 *   <li>Moving time: the session's timer time (the watch's "time"); elapsed time: its elapsed time; either only
 *       when the file's samples do not span {@link #DURATION_SLACK_S} less.
 *   <li>Heart rate, power, cadence, calories, ascent and descent, max speed: the session's, each when present.
 *   <li>Splits: the device's laps when there are two or more.
 * </ul>
 * Average speed and pace follow from the distance and moving time used.
 */
public final class DeviceFigures {
  static final double MAX_DEVICE_EXCESS = 1.25;
  static final double DISTANCE_SLACK_M = 100;
  static final double DURATION_SLACK_S = 600;

  private DeviceFigures() {}

  /** The summary of a workout without samples (a pool swim of lengths alone), to be filled by the device. */
  public static Summary withoutSamples(Instant start) {
    return new Summary(start, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, List.of(0.0, 0.0, 0.0, 0.0, 0.0), 0, 0, 0,
        List.of(), List.of(), List.of(), null, List.of());
  }

  public static Summary merge(Summary computed, DeviceTotals device) {
    if (device.equals(DeviceTotals.NONE)) {
      return computed;
    }
    Figure distance = distance(computed, device);
    Figure elapsed = duration(computed, computed.elapsedS(), device.elapsedS());
    Figure moving = duration(computed, computed.movingS(), device.timerS());
    Figure averageHr = figure(computed.averageHeartRateBpm(), device.averageHeartRateBpm());
    Figure maxHr = figure(computed.maxHeartRateBpm(), device.maxHeartRateBpm());
    Figure power = figure(computed.averagePowerWatts(), device.averagePowerWatts());
    Figure cadence = figure(computed.averageCadenceRpm(), device.averageCadenceRpm());
    Figure calories = figure(computed.caloriesKcal(), device.caloriesKcal());
    Figure ascent = figure(computed.elevationGainM(), device.ascentM());
    Figure descent = figure(computed.elevationLossM(), device.descentM());
    Figure maxSpeed = figure(computed.maxSpeedMps(), device.maxSpeedMps());
    boolean laps = device.laps().size() >= 2;
    double speed = moving.value > 0 ? distance.value / moving.value : 0;
    boolean pool = distance.device() && device.poolDistanceM() != null;
    Instant end = computed.sampleCount() > 0 ? computed.endTime()
        : computed.endTime().plus(Duration.ofMillis((long) (elapsed.value * 1000)));
    Summary.Sources sources = new Summary.Sources(distance.source, moving.source, elapsed.source,
        averageHr.device() || maxHr.device() ? Summary.Source.DEVICE : Summary.Source.COMPUTED, power.source,
        cadence.source, calories.source,
        ascent.device() || descent.device() ? Summary.Source.DEVICE : Summary.Source.COMPUTED,
        laps ? Summary.Source.DEVICE : Summary.Source.COMPUTED, maxSpeed.source);
    return new Summary(end, computed.sampleCount(), distance.value, elapsed.value, moving.value, speed,
        maxSpeed.value, distance.value > 0 && moving.value > 0 ? moving.value / (distance.value / 1000) : 0,
        ascent.value, descent.value, averageHr.value, maxHr.value, computed.heartRateZoneS(), power.value,
        cadence.value, calories.value, laps ? splits(device.laps()) : computed.splits(), computed.bestEfforts(),
        computed.flags(), computed.startPosition(), computed.route(), sources,
        pool ? device.poolLengthM() : 0, pool ? device.poolLengths() : 0);
  }

  private record Figure(double value, Summary.Source source) {
    boolean device() {
      return source == Summary.Source.DEVICE;
    }
  }

  private static Figure figure(double computed, Double device) {
    return device == null || !Double.isFinite(device) || device < 0
        ? new Figure(computed, Summary.Source.COMPUTED) : new Figure(device, Summary.Source.DEVICE);
  }

  /**
   * The device's distance (a pool swim's lengths first), unless the file has a GPS track and the claim is more than
   * {@link #MAX_DEVICE_EXCESS} times (plus {@link #DISTANCE_SLACK_M}) its distance: a track standing still allows
   * no more than the slack.
   */
  private static Figure distance(Summary computed, DeviceTotals device) {
    Double claimed = device.poolDistanceM() != null ? device.poolDistanceM() : device.distanceM();
    boolean tracked = computed.startPosition() != null;
    if (claimed != null && tracked && claimed > computed.distanceM() * MAX_DEVICE_EXCESS + DISTANCE_SLACK_M) {
      return new Figure(computed.distanceM(), Summary.Source.COMPUTED);
    }
    return figure(computed.distanceM(), claimed);
  }

  /**
   * The device's timer or elapsed time, unless the file's own samples span much less (a timer of days on a track
   * of minutes): then the computed moving or elapsed time; without samples, the device's alone.
   */
  private static Figure duration(Summary computed, double computedValue, Double device) {
    if (device != null && computed.sampleCount() > 0 && device > computed.elapsedS() + DURATION_SLACK_S) {
      return new Figure(computedValue, Summary.Source.COMPUTED);
    }
    return figure(computedValue, device);
  }

  private static List<Summary.Split> splits(List<DeviceTotals.Lap> laps) {
    List<Summary.Split> splits = new ArrayList<>();
    for (DeviceTotals.Lap lap : laps) {
      splits.add(new Summary.Split(splits.size() + 1, lap.distanceM(), lap.timerS(),
          lap.ascentM() == null ? 0 : lap.ascentM()));
    }
    return splits;
  }
}
