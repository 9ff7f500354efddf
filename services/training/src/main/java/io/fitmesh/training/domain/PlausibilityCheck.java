package io.fitmesh.training.domain;

import io.fitmesh.platform.geo.GeoMath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Flags a workout that a human could not have done as declared, so challenges do not count it until cleared.
 * <ul>
 *   <li><b>teleport</b>: a jump faster than {@link #TELEPORT_MPS} after which the track carries on from the far
 *       point. A single fix far off that the next fix comes back from is a GPS glitch: dropped, not flagged.
 *   <li><b>speed</b>: the best average speed over 30 s, 2 min or 10 min beyond the sport's limit there, set a
 *       little above the world records for those durations (running 200 m / 800 m / 3000 m, race walking).
 *   <li><b>vehicle</b> (rides): faster than {@link #CLIMB_LIMIT_MPS} for 30 s on a road rising 1% or more, or
 *       faster than {@link #RIDE_LIMIT_MPS} for 30 s on any road.
 *   <li><b>acceleration</b>: 10-second average speed rising by {@link #ACCELERATION_GAIN_MPS} within 10 s,
 *       beyond any human (averages, so a noisy fix does not look like a burst).
 *   <li><b>heart_rate</b>: a run held under 3:20/km for 10 min with a heart rate that is flat or below 100.
 * </ul>
 */
public final class PlausibilityCheck {
  static final double TELEPORT_MPS = 70;
  static final double GLITCH_MPS = 50;
  static final double CLIMB_LIMIT_MPS = 13.9;
  static final double RIDE_LIMIT_MPS = 25;
  static final double ACCELERATION_GAIN_MPS = 12;
  static final double SWIM_LIMIT_MPS = 2.5;
  /** Beyond a motor-paced bicycle: no activity FitMesh knows averages more. */
  static final double OTHER_LIMIT_MPS = 40;
  private static final double NO_TIME_SLACK_M = 100;
  private static final Duration[] WINDOWS = {Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(10)};
  private static final double[] RUN_LIMITS = {10.5, 8.5, 6.9};
  private static final double[] WALK_LIMITS = {5.0, 4.7, 4.5};

  /** Why a workout is not counted, in words the athlete can read. */
  public record Flag(String rule, String reason) {}

  private PlausibilityCheck() {}

  public static List<Flag> check(Sport sport, List<TrackPoint> samples) {
    List<TrackPoint> fixes = new ArrayList<>(samples.stream().filter(TrackPoint::hasPosition).toList());
    fixes.sort(Comparator.comparing(TrackPoint::time));
    List<Flag> flags = new ArrayList<>();
    if (fixes.size() < 2) {
      return flags;
    }
    List<TrackPoint> track = dropGlitches(fixes, flags);
    Track t = new Track(track);
    speedFlag(sport, t).ifPresent(flags::add);
    if (sport == Sport.RIDE) {
      vehicleFlag(t).ifPresent(flags::add);
    }
    accelerationFlag(t).ifPresent(flags::add);
    if (sport == Sport.RUN) {
      heartRateFlag(samples, t).ifPresent(flags::add);
    }
    return flags;
  }

  /** Removes single-fix glitches; flags jumps the track does not come back from. */
  private static List<TrackPoint> dropGlitches(List<TrackPoint> fixes, List<Flag> flags) {
    List<TrackPoint> kept = new ArrayList<>();
    kept.add(fixes.get(0));
    for (int i = 1; i < fixes.size(); i++) {
      TrackPoint previous = kept.get(kept.size() - 1);
      TrackPoint p = fixes.get(i);
      double speed = speed(previous, p);
      if (speed > GLITCH_MPS) {
        if (i + 1 < fixes.size() && speed(previous, fixes.get(i + 1)) <= GLITCH_MPS) {
          continue;
        }
        if (speed > TELEPORT_MPS && flags.stream().noneMatch(f -> f.rule().equals("teleport"))) {
          flags.add(new Flag("teleport", String.format(Locale.ROOT,
              "jumped %.0f m in %.0f s at %s and carried on from there",
              distance(previous, p), seconds(previous, p), p.time())));
        }
      }
      kept.add(p);
    }
    return kept;
  }

  private static java.util.Optional<Flag> speedFlag(Sport sport, Track t) {
    double[] limits = switch (sport) {
      case RUN -> RUN_LIMITS;
      case WALK, HIKE -> WALK_LIMITS;
      default -> null;
    };
    if (limits == null) {
      return java.util.Optional.empty();
    }
    for (int w = 0; w < WINDOWS.length; w++) {
      double best = t.bestSpeed(WINDOWS[w].toSeconds()).speed();
      if (best > limits[w]) {
        return java.util.Optional.of(new Flag("speed", String.format(Locale.ROOT,
            "held %.1f km/h for %s, faster than any %s (limit %.1f km/h)", best * 3.6, describe(WINDOWS[w]),
            sport == Sport.RUN ? "runner" : "walker", limits[w] * 3.6)));
      }
    }
    return java.util.Optional.empty();
  }

  /**
   * The whole workout's average speed beyond what anyone holds for as long in its sport (a run, walk or hike over
   * its 30 s, 2 min or 10 min limit, whichever its moving time reaches; a ride over {@link #RIDE_LIMIT_MPS}, a swim
   * over {@link #SWIM_LIMIT_MPS}, anything else over {@link #OTHER_LIMIT_MPS}; distance in no time at all): the
   * check for figures without a track, such as a treadmill run's or a pool swim's device totals.
   */
  public static java.util.Optional<Flag> averageSpeed(Sport sport, double distanceM, double movingS) {
    int window = movingS >= WINDOWS[2].toSeconds() ? 2 : movingS >= WINDOWS[1].toSeconds() ? 1 : 0;
    double limit = switch (sport) {
      case RUN -> RUN_LIMITS[window];
      case WALK, HIKE -> WALK_LIMITS[window];
      case RIDE, VIRTUAL_RIDE -> RIDE_LIMIT_MPS;
      case SWIM -> SWIM_LIMIT_MPS;
      case OTHER -> OTHER_LIMIT_MPS;
    };
    boolean beyond = movingS > 0 ? distanceM / movingS > limit : distanceM > NO_TIME_SLACK_M;
    if (!beyond) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(new Flag("speed", movingS > 0 ? String.format(Locale.ROOT,
        "averaged %.1f km/h over %.0f s, beyond the %s limit of %.1f km/h", distanceM / movingS * 3.6, movingS,
        sport.name().toLowerCase(Locale.ROOT).replace('_', ' '), limit * 3.6)
        : String.format(Locale.ROOT, "covered %.0f m in no time", distanceM)));
  }

  private static java.util.Optional<Flag> vehicleFlag(Track t) {
    Window best = t.bestSpeed(30);
    if (best.speed() > RIDE_LIMIT_MPS) {
      return java.util.Optional.of(new Flag("vehicle", String.format(Locale.ROOT,
          "held %.0f km/h for 30 s, beyond a bicycle", best.speed() * 3.6)));
    }
    Window climbing = t.bestClimbingSpeed(30, 0.01);
    if (climbing.speed() > CLIMB_LIMIT_MPS) {
      return java.util.Optional.of(new Flag("vehicle", String.format(Locale.ROOT,
          "held %.0f km/h for 30 s up a %.1f%% grade, as only a motor vehicle does", climbing.speed() * 3.6,
          climbing.grade() * 100)));
    }
    return java.util.Optional.empty();
  }

  private static java.util.Optional<Flag> accelerationFlag(Track t) {
    double gain = t.bestSpeedGain(10, 10);
    if (gain > ACCELERATION_GAIN_MPS) {
      return java.util.Optional.of(new Flag("acceleration", String.format(Locale.ROOT,
          "sped up by %.0f km/h within 10 s and held it, as only a motor vehicle does", gain * 3.6)));
    }
    return java.util.Optional.empty();
  }

  private static java.util.Optional<Flag> heartRateFlag(List<TrackPoint> samples, Track t) {
    double[] rates = samples.stream().filter(s -> s.heartRateBpm() != null)
        .mapToDouble(TrackPoint::heartRateBpm).toArray();
    if (rates.length < 60 || t.bestSpeed(600).speed() < 5.0) {
      return java.util.Optional.empty();
    }
    double mean = java.util.Arrays.stream(rates).average().orElse(0);
    double variance = java.util.Arrays.stream(rates).map(r -> (r - mean) * (r - mean)).average().orElse(0);
    if (mean < 100 || Math.sqrt(variance) < 2) {
      return java.util.Optional.of(new Flag("heart_rate", String.format(Locale.ROOT,
          "ran under 3:20/km for 10 min with a heart rate of %.0f bpm (spread %.1f), which does not match",
          mean, Math.sqrt(variance))));
    }
    return java.util.Optional.empty();
  }

  private static String describe(Duration d) {
    return d.toMinutes() > 0 ? d.toMinutes() + " min" : d.toSeconds() + " s";
  }

  private static double speed(TrackPoint a, TrackPoint b) {
    double s = seconds(a, b);
    return s <= 0 ? (distance(a, b) > 0 ? Double.MAX_VALUE : 0) : distance(a, b) / s;
  }

  private static double distance(TrackPoint a, TrackPoint b) {
    return GeoMath.haversineMeters(a.latitudeDeg(), a.longitudeDeg(), b.latitudeDeg(), b.longitudeDeg());
  }

  private static double seconds(TrackPoint a, TrackPoint b) {
    return Duration.between(a.time(), b.time()).toMillis() / 1000.0;
  }

  private record Window(double speed, double grade) {}

  /** A glitch-free track with cumulative distance and time, for windowed speeds. */
  private static final class Track {
    private final List<TrackPoint> points;
    private final double[] t;
    private final double[] d;

    Track(List<TrackPoint> points) {
      this.points = points;
      this.t = new double[points.size()];
      this.d = new double[points.size()];
      for (int i = 1; i < points.size(); i++) {
        t[i] = seconds(points.get(0), points.get(i));
        d[i] = d[i - 1] + distance(points.get(i - 1), points.get(i));
      }
    }

    /** The best average speed over windows of about {@code seconds} (up to three times as long with sparse fixes). */
    Window bestSpeed(double seconds) {
      return best(seconds, -1);
    }

    /** The best average speed over such windows where the road rises at least {@code minGrade}. */
    Window bestClimbingSpeed(double seconds, double minGrade) {
      return best(seconds, minGrade);
    }

    private Window best(double seconds, double minGrade) {
      Window best = new Window(0, 0);
      int j = 0;
      for (int i = 0; i < t.length; i++) {
        while (j < i && t[i] - t[j + 1] >= seconds) {
          j++;
        }
        double span = t[i] - t[j];
        double covered = d[i] - d[j];
        if (span < seconds || span > seconds * 3 || covered <= 0) {
          continue;
        }
        double grade = grade(j, i, covered);
        if (minGrade >= 0 && (Double.isNaN(grade) || grade < minGrade)) {
          continue;
        }
        if (covered / span > best.speed()) {
          best = new Window(covered / span, Double.isNaN(grade) ? 0 : grade);
        }
      }
      return best;
    }

    /**
   * The largest rise in {@code smoothing}-second average speed within {@code within} seconds: the lowest earlier
   * speed in the window is kept in a monotonic queue, so a file of many points per second stays linear.
   */
    double bestSpeedGain(double within, double smoothing) {
      double[] v = new double[t.length];
      int j = 0;
      for (int i = 0; i < t.length; i++) {
        while (j < i && t[i] - t[j + 1] >= smoothing) {
          j++;
        }
        v[i] = t[i] - t[j] >= smoothing && t[i] - t[j] <= smoothing * 3 ? (d[i] - d[j]) / (t[i] - t[j]) : Double.NaN;
      }
      double best = 0;
      int k = 0;
      java.util.ArrayDeque<Integer> lowest = new java.util.ArrayDeque<>();
      for (int i = 0; i < t.length; i++) {
        while (k < i && t[i] - t[k] > within) {
          k++;
        }
        while (!lowest.isEmpty() && lowest.peekFirst() < k) {
          lowest.pollFirst();
        }
        if (Double.isNaN(v[i])) {
          continue;
        }
        if (!lowest.isEmpty()) {
          best = Math.max(best, v[i] - v[lowest.peekFirst()]);
        }
        while (!lowest.isEmpty() && v[lowest.peekLast()] >= v[i]) {
          lowest.pollLast();
        }
        lowest.addLast(i);
      }
      return best;
    }

    private double grade(int from, int to, double covered) {
      Double a = points.get(from).altitudeM();
      Double b = points.get(to).altitudeM();
      return a == null || b == null ? Double.NaN : (b - a) / covered;
    }
  }
}
