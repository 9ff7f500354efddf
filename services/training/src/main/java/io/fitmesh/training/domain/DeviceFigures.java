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
 *   <li>Distance: a pool swim's pool length times its active lengths; else the session's total distance, unless
 *       it is more than {@link #MAX_DEVICE_EXCESS} times (plus {@link #DISTANCE_SLACK_M}) the distance of the
 *       file's own track, which no foot pod or smoothing explains (a file edited to claim more).
 *   <li>Moving time: the session's timer time (the watch's "time"); elapsed time: its elapsed time.
 *   <li>Heart rate, power, cadence, calories, ascent and descent, max speed: the session's, each when present.
 *   <li>Splits: the device's laps when there are two or more.
 * </ul>
 * Average speed and pace follow from the distance and moving time used.
 */
public final class DeviceFigures {
  static final double MAX_DEVICE_EXCESS = 1.25;
  static final double DISTANCE_SLACK_M = 100;

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
    Figure moving = figure(computed.movingS(), device.timerS());
    Figure elapsed = figure(computed.elapsedS(), device.elapsedS());
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
    Instant end = computed.sampleCount() > 0 ? computed.endTime()
        : computed.endTime().plus(Duration.ofMillis((long) (elapsed.value * 1000)));
    Summary.Sources sources = new Summary.Sources(distance.source, moving.source, elapsed.source,
        averageHr.device || maxHr.device ? Summary.Source.DEVICE : Summary.Source.COMPUTED, power.source,
        cadence.source, calories.source,
        ascent.device || descent.device ? Summary.Source.DEVICE : Summary.Source.COMPUTED,
        laps ? Summary.Source.DEVICE : Summary.Source.COMPUTED, maxSpeed.source);
    return new Summary(end, computed.sampleCount(), distance.value, elapsed.value, moving.value, speed,
        maxSpeed.value, distance.value > 0 && moving.value > 0 ? moving.value / (distance.value / 1000) : 0,
        ascent.value, descent.value, averageHr.value, maxHr.value, computed.heartRateZoneS(), power.value,
        cadence.value, calories.value, laps ? splits(device.laps()) : computed.splits(), computed.bestEfforts(),
        computed.flags(), computed.startPosition(), computed.route(), sources,
        device.poolDistanceM() == null ? 0 : device.poolLengthM(),
        device.poolDistanceM() == null ? 0 : device.poolLengths());
  }

  private record Figure(double value, Summary.Source source, boolean device) {}

  private static Figure figure(double computed, Double device) {
    return device == null || !Double.isFinite(device) || device < 0
        ? new Figure(computed, Summary.Source.COMPUTED, false) : new Figure(device, Summary.Source.DEVICE, true);
  }

  private static Figure distance(Summary computed, DeviceTotals device) {
    if (device.poolDistanceM() != null) {
      return new Figure(device.poolDistanceM(), Summary.Source.DEVICE, true);
    }
    Double claimed = device.distanceM();
    boolean tracked = computed.distanceM() > 0;
    if (claimed != null && tracked
        && claimed > computed.distanceM() * MAX_DEVICE_EXCESS + DISTANCE_SLACK_M) {
      return new Figure(computed.distanceM(), Summary.Source.COMPUTED, false);
    }
    return figure(computed.distanceM(), claimed);
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
