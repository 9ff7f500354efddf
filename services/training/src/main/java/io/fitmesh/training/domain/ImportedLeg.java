package io.fitmesh.training.domain;

import java.time.Instant;
import java.util.List;

/**
 * One session of an imported file: a workout of its own. {@code sport} is the file's (null: the one the athlete
 * chose), {@code label} names it for a multisport title ("Swim", "Transition"), {@code start} is when the device
 * says it began, {@code points} its samples in time order (possibly none for a pool swim).
 */
public record ImportedLeg(Sport sport, String label, Instant start, List<TrackPoint> points, DeviceTotals totals) {

  public ImportedLeg {
    points = List.copyOf(points);
  }

  /** A file of track points alone (GPX, or a FIT file without sessions). */
  public static ImportedLeg ofPoints(List<TrackPoint> points) {
    Instant start = points.stream().map(TrackPoint::time).min(Instant::compareTo).orElse(null);
    return new ImportedLeg(null, "", start, points, DeviceTotals.NONE);
  }

  /** True when there is enough to make a workout: two timed points, or the device's timer. */
  public boolean isWorkout() {
    return start != null && (points.size() >= 2 || totals.hasTimer());
  }
}
