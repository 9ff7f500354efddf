package io.fitmesh.training.domain;

import io.fitmesh.platform.geo.GeoMath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import io.fitmesh.platform.geo.LatLon;
import io.fitmesh.platform.geo.Routes;
import java.util.List;

/**
 * Builds a workout's summary from its samples.
 * <ul>
 *   <li>Distance follows GPS fixes, counting a fix only once it is {@link #JITTER_M} from the last counted one,
 *       so a standing device's wander adds nothing, and never a jump faster than
 *       {@link PlausibilityCheck#TELEPORT_MPS}; without positions the device's own distance is used.
 *   <li>Moving time counts the time between consecutive samples at most {@link #MAX_GAP} apart when the
 *       jitter-filtered speed over the last {@link #MOVING_WINDOW} (or the device's speed) is at least
 *       {@link #MOVING_MPS}; walks and hikes use {@link #SLOW_MOVING_MPS} over {@link #SLOW_MOVING_WINDOW}, so a
 *       slow climb is not a pause. Without position or distance, when pedalling; with nothing that tells motion
 *       (heart rate alone), the timer: every step up to {@link #MAX_GAP}. A longer step counts only in a sparse
 *       track, where it is at most {@link #SPARSE_FACTOR} times the usual step and covered at moving speed;
 *       otherwise it is a pause.
 *   <li>Elevation gain and loss use a {@link #ELEVATION_HYSTERESIS_M} hysteresis against altimeter noise.
 *   <li>Max speed is the best average over any {@link #MAX_SPEED_WINDOW} window.
 *   <li>Heart-rate zones by % of a maximum of 190 bpm: &lt;60, 60-70, 70-80, 80-90, &ge;90.
 *   <li>Calories from heart rate (Keytel et al. 2005, 75 kg, 35 years) when present, else from MET by sport.
 * </ul>
 */
public final class SummaryCalculator {
  static final double JITTER_M = 3.0;
  static final double MOVING_MPS = 0.5;
  static final Duration MAX_GAP = Duration.ofSeconds(120);
  static final Duration MOVING_WINDOW = Duration.ofSeconds(5);
  static final double SLOW_MOVING_MPS = 0.2;
  static final double SPARSE_FACTOR = 3;
  static final Duration SLOW_MOVING_WINDOW = Duration.ofSeconds(30);
  static final double ELEVATION_HYSTERESIS_M = 3.0;
  static final Duration MAX_SPEED_WINDOW = Duration.ofSeconds(5);
  static final double MAX_HEART_RATE = 190;
  private static final double WEIGHT_KG = 75;
  private static final double AGE = 35;
  private static final double[] EFFORTS = {1000, 5000, 10000, 21097.5, 42195};
  private static final String[] EFFORT_NAMES = {"1 km", "5 km", "10 km", "Half marathon", "Marathon"};

  private SummaryCalculator() {}

  /** The summary of a workout; the points may come in any order and must not be empty. */
  public static Summary summarize(List<TrackPoint> samples, Sport sport) {
    if (samples.isEmpty()) {
      throw new IllegalArgumentException("a summary needs at least one sample");
    }
    List<TrackPoint> points = new ArrayList<>(samples);
    points.sort(Comparator.comparing(TrackPoint::time).thenComparingLong(TrackPoint::seq));
    double[] t = new double[points.size()];
    double[] cumulative = cumulativeDistance(points);
    for (int i = 0; i < points.size(); i++) {
      t[i] = Duration.between(points.get(0).time(), points.get(i).time()).toMillis() / 1000.0;
    }
    double distance = cumulative[points.size() - 1];
    double elapsed = t[points.size() - 1];
    double[] moving = movingSeconds(points, t, cumulative, sport);
    double movingS = moving[points.size() - 1];
    double[] elevation = elevation(points);
    HeartRate hr = heartRate(points, t);
    double avgSpeed = movingS > 0 ? distance / movingS : 0;
    return new Summary(
        points.get(points.size() - 1).time(),
        points.size(),
        distance,
        elapsed,
        movingS,
        avgSpeed,
        maxSpeed(t, cumulative),
        distance > 0 && movingS > 0 ? movingS / (distance / 1000) : 0,
        elevation[0],
        elevation[1],
        hr.average,
        hr.max,
        hr.zoneSeconds,
        average(points.stream().map(TrackPoint::powerWatts).toList()),
        average(points.stream().map(TrackPoint::cadenceRpm).toList()),
        calories(sport, movingS, avgSpeed, hr.average),
        splits(points, cumulative, moving),
        bestEfforts(t, cumulative),
        List.of(),
        points.stream().filter(TrackPoint::hasPosition).findFirst()
            .map(p -> new LatLon(p.latitudeDeg(), p.longitudeDeg())).orElse(null),
        Routes.simplify(points.stream().filter(TrackPoint::hasPosition)
            .map(p -> new LatLon(p.latitudeDeg(), p.longitudeDeg())).toList(), Routes.MAX_POINTS));
  }

  private static double[] cumulativeDistance(List<TrackPoint> points) {
    double[] d = new double[points.size()];
    boolean positioned = points.stream().anyMatch(TrackPoint::hasPosition);
    TrackPoint lastFix = null;
    double total = 0;
    Double firstDeviceDistance = null;
    for (int i = 0; i < points.size(); i++) {
      TrackPoint p = points.get(i);
      if (positioned) {
        if (p.hasPosition()) {
          if (lastFix == null) {
            lastFix = p;
          } else {
            double step = GeoMath.haversineMeters(lastFix.latitudeDeg(), lastFix.longitudeDeg(),
                p.latitudeDeg(), p.longitudeDeg());
            if (step >= JITTER_M) {
              if (!isJump(lastFix, p, step)) {
                total += step;
              }
              lastFix = p;
            }
          }
        }
      } else if (p.distanceM() != null) {
        if (firstDeviceDistance == null) {
          firstDeviceDistance = p.distanceM();
        }
        total = Math.max(total, p.distanceM() - firstDeviceDistance);
      }
      d[i] = total;
    }
    return d;
  }

  /**
   * A step faster than {@link PlausibilityCheck#TELEPORT_MPS} is a GPS jump (flagged as a teleport when the track
   * carries on from it): nobody covered it, so it adds no distance, speed, split or best effort.
   */
  private static boolean isJump(TrackPoint from, TrackPoint to, double stepM) {
    double seconds = Duration.between(from.time(), to.time()).toMillis() / 1000.0;
    return seconds <= 0 || stepM / seconds > PlausibilityCheck.TELEPORT_MPS;
  }

  private static double[] movingSeconds(List<TrackPoint> points, double[] t, double[] cumulative, Sport sport) {
    double[] moving = new double[points.size()];
    double maxGap = MAX_GAP.toSeconds();
    boolean slow = sport == Sport.WALK || sport == Sport.HIKE;
    double window = (slow ? SLOW_MOVING_WINDOW : MOVING_WINDOW).toSeconds();
    double threshold = slow ? SLOW_MOVING_MPS : MOVING_MPS;
    boolean motionKnown = points.stream().anyMatch(SummaryCalculator::tellsMotion);
    boolean positioned = points.stream().anyMatch(TrackPoint::hasPosition);
    double sparseGap = SPARSE_FACTOR * medianStep(t);
    int from = 0;
    for (int i = 1; i < points.size(); i++) {
      while (from < i - 1 && t[i] - t[from + 1] >= window) {
        from++;
      }
      double dt = t[i] - t[i - 1];
      double span = t[i] - t[from];
      double speed = span > 0 ? (cumulative[i] - cumulative[from]) / span : 0;
      TrackPoint p = points.get(i);
      boolean isMoving = !motionKnown
          || speed >= threshold
          || (p.speedMps() != null && p.speedMps() >= threshold)
          || (!p.hasPosition() && p.distanceM() == null && pedalling(p));
      boolean counted = dt > 0 && isMoving && (dt <= maxGap
          || (positioned && dt <= sparseGap && (cumulative[i] - cumulative[i - 1]) / dt >= threshold));
      moving[i] = moving[i - 1] + (counted ? dt : 0);
    }
    return moving;
  }

  /** The usual time between samples: a second for most devices, minutes for a sparse track. */
  private static double medianStep(double[] t) {
    double[] steps = new double[Math.max(0, t.length - 1)];
    for (int i = 1; i < t.length; i++) {
      steps[i - 1] = t[i] - t[i - 1];
    }
    java.util.Arrays.sort(steps);
    return steps.length == 0 ? 0 : steps[steps.length / 2];
  }

  /** Whether a sample says anything about moving: a position, distance, speed, cadence or power. */
  private static boolean tellsMotion(TrackPoint p) {
    return p.hasPosition() || p.distanceM() != null || p.speedMps() != null || p.cadenceRpm() != null
        || p.powerWatts() != null;
  }

  /** Without position or distance (an indoor trainer), cadence or power is what tells moving from resting. */
  private static boolean pedalling(TrackPoint p) {
    return (p.cadenceRpm() != null && p.cadenceRpm() > 0) || (p.powerWatts() != null && p.powerWatts() > 0);
  }

  private static double maxSpeed(double[] t, double[] cumulative) {
    double window = MAX_SPEED_WINDOW.toSeconds();
    double best = 0;
    int j = 0;
    for (int i = 0; i < t.length; i++) {
      while (j < i && t[i] - t[j + 1] >= window) {
        j++;
      }
      double dt = t[i] - t[j];
      if (dt >= window && dt <= window * 4) {
        best = Math.max(best, (cumulative[i] - cumulative[j]) / dt);
      }
    }
    return best;
  }

  private static double[] elevation(List<TrackPoint> points) {
    double gain = 0;
    double loss = 0;
    Double reference = null;
    for (TrackPoint p : points) {
      if (p.altitudeM() == null) {
        continue;
      }
      if (reference == null) {
        reference = p.altitudeM();
      } else if (p.altitudeM() - reference >= ELEVATION_HYSTERESIS_M) {
        gain += p.altitudeM() - reference;
        reference = p.altitudeM();
      } else if (reference - p.altitudeM() >= ELEVATION_HYSTERESIS_M) {
        loss += reference - p.altitudeM();
        reference = p.altitudeM();
      }
    }
    return new double[] {gain, loss};
  }

  private record HeartRate(double average, double max, List<Double> zoneSeconds) {}

  private static HeartRate heartRate(List<TrackPoint> points, double[] t) {
    double[] zones = new double[5];
    double sum = 0;
    double max = 0;
    int count = 0;
    for (int i = 0; i < points.size(); i++) {
      Double bpm = points.get(i).heartRateBpm();
      if (bpm == null) {
        continue;
      }
      sum += bpm;
      count++;
      max = Math.max(max, bpm);
      if (i + 1 < points.size()) {
        double dt = t[i + 1] - t[i];
        if (dt <= MAX_GAP.toSeconds()) {
          zones[zoneOf(bpm)] += dt;
        }
      }
    }
    List<Double> zoneSeconds = new ArrayList<>();
    for (double z : zones) {
      zoneSeconds.add(z);
    }
    return new HeartRate(count == 0 ? 0 : sum / count, max, zoneSeconds);
  }

  private static int zoneOf(double bpm) {
    double fraction = bpm / MAX_HEART_RATE;
    if (fraction < 0.6) {
      return 0;
    }
    return Math.min(4, (int) ((fraction - 0.5) * 10));
  }

  private static double average(List<Double> values) {
    return values.stream().filter(v -> v != null).mapToDouble(Double::doubleValue).average().orElse(0);
  }

  private static double calories(Sport sport, double movingS, double avgSpeedMps, double avgHeartRate) {
    double minutes = movingS / 60;
    if (avgHeartRate > 0) {
      double perMinute = (-55.0969 + 0.6309 * avgHeartRate + 0.1988 * WEIGHT_KG + 0.2017 * AGE) / 4.184;
      return Math.max(0, perMinute * minutes);
    }
    double met = switch (sport) {
      case RUN -> Math.max(6, avgSpeedMps * 3.6);
      case RIDE, VIRTUAL_RIDE -> 8;
      case WALK -> 3.5;
      case HIKE -> 6;
      case SWIM -> 7;
      case OTHER -> 5;
    };
    return met * WEIGHT_KG * minutes / 60;
  }

  private static List<Summary.Split> splits(List<TrackPoint> points, double[] cumulative, double[] moving) {
    List<Summary.Split> splits = new ArrayList<>();
    int startIndex = 0;
    double splitStart = 0;
    double gain = 0;
    Double reference = points.get(0).altitudeM();
    for (int i = 1; i < points.size(); i++) {
      Double alt = points.get(i).altitudeM();
      if (alt != null) {
        if (reference == null) {
          reference = alt;
        } else if (alt - reference >= ELEVATION_HYSTERESIS_M) {
          gain += alt - reference;
          reference = alt;
        } else if (reference - alt >= ELEVATION_HYSTERESIS_M) {
          reference = alt;
        }
      }
      boolean last = i == points.size() - 1;
      if (cumulative[i] - splitStart >= 1000 || (last && cumulative[i] > splitStart)) {
        splits.add(new Summary.Split(splits.size() + 1, cumulative[i] - splitStart,
            moving[i] - moving[startIndex], gain));
        splitStart = cumulative[i];
        startIndex = i;
        gain = 0;
      }
    }
    return splits;
  }

  private static List<Summary.BestEffort> bestEfforts(double[] t, double[] cumulative) {
    List<Summary.BestEffort> efforts = new ArrayList<>();
    double total = cumulative[cumulative.length - 1];
    for (int e = 0; e < EFFORTS.length; e++) {
      double target = EFFORTS[e];
      if (total < target) {
        break;
      }
      double best = Double.MAX_VALUE;
      int j = 0;
      for (int i = 0; i < t.length; i++) {
        while (j + 1 <= i && cumulative[i] - cumulative[j + 1] >= target) {
          j++;
        }
        if (cumulative[i] - cumulative[j] >= target) {
          best = Math.min(best, t[i] - t[j]);
        }
      }
      if (best < Double.MAX_VALUE) {
        efforts.add(new Summary.BestEffort(EFFORT_NAMES[e], target, best));
      }
    }
    return efforts;
  }
}
