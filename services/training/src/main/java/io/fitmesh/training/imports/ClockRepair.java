package io.fitmesh.training.imports;

import io.fitmesh.platform.errors.DomainException;
import io.fitmesh.training.domain.DeviceTotals;
import io.fitmesh.training.domain.TrackPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Repairs a device clock that jumped during a recording, so a jump is never counted as elapsed activity. In file
 * order, a step back in time, or a step forward by more than {@link #MAX_JUMP} while the device kept recording
 * (no timer stop or new track segment before it), is the clock jumping, not the athlete pausing: the points
 * after it are moved back by the jump (less the usual {@link #STEP}), so the workout keeps the clock it started
 * with (the one its session and file say). Seq numbers follow file order from 0. Times that still span more than
 * {@link DeviceTotals#MAX_DURATION_S} (pauses of weeks) are refused.
 */
final class ClockRepair {
  static final Duration MAX_JUMP = Duration.ofHours(1);
  static final Duration STEP = Duration.ofSeconds(1);

  private ClockRepair() {}

  /** {@code resumed} holds the indexes of points that follow a timer stop or start a new track segment. */
  static List<TrackPoint> repair(List<TrackPoint> fileOrder, Set<Integer> resumed) {
    int n = fileOrder.size();
    Instant[] times = new Instant[n];
    Duration shift = Duration.ZERO;
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        Duration step = Duration.between(fileOrder.get(i - 1).time(), fileOrder.get(i).time());
        if (step.isNegative() || (step.compareTo(MAX_JUMP) > 0 && !resumed.contains(i))) {
          shift = shift.minus(step).plus(STEP);
        }
      }
      times[i] = fileOrder.get(i).time().plus(shift);
    }
    if (n > 1 && Duration.between(times[0], times[n - 1]).toSeconds() > DeviceTotals.MAX_DURATION_S) {
      throw DomainException.invalidArgument("data", "the file's times span more than "
          + (long) (DeviceTotals.MAX_DURATION_S / 86_400) + " days; a workout is shorter");
    }
    List<TrackPoint> repaired = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      TrackPoint p = fileOrder.get(i);
      repaired.add(new TrackPoint(i, times[i], p.latitudeDeg(), p.longitudeDeg(), p.altitudeM(), p.heartRateBpm(),
          p.cadenceRpm(), p.powerWatts(), p.speedMps(), p.distanceM()));
    }
    return repaired;
  }
}
