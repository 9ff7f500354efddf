package io.fitmesh.telemetry.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What a stored sample must be. A sample that breaks a rule is refused for good, with the reason, and never
 * stored; the rest of its batch is unaffected.
 */
final class SampleRules {
  /** How far ahead of the server's clock a device clock may run. */
  static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
  /** How long before the workout's start a sample may be (devices buffer a little before "start"). */
  static final Duration BEFORE_START = Duration.ofHours(1);

  private SampleRules() {}

  static Optional<String> rejectionOf(SampleReading s, Instant workoutStart, Instant now) {
    if (s.time() == null) {
      return Optional.of("time is required");
    }
    if (s.time().isAfter(now.plus(CLOCK_SKEW))) {
      return Optional.of("time " + s.time() + " is in the future");
    }
    if (s.time().isBefore(workoutStart.minus(BEFORE_START))) {
      return Optional.of("time " + s.time() + " is before the workout started (" + workoutStart + ")");
    }
    if ((s.latitudeDeg() == null) != (s.longitudeDeg() == null)) {
      return Optional.of("latitude and longitude come together");
    }
    return outside("latitude", s.latitudeDeg(), -90, 90)
        .or(() -> outside("longitude", s.longitudeDeg(), -180, 180))
        .or(() -> outside("altitude", s.altitudeM(), -500, 9_000))
        .or(() -> outside("heart rate", s.heartRateBpm(), 20, 250))
        .or(() -> outside("cadence", s.cadenceRpm(), 0, 300))
        .or(() -> outside("power", s.powerWatts(), 0, 3_000))
        .or(() -> outside("speed", s.speedMps(), 0, 120))
        .or(() -> outside("distance", s.distanceM(), 0, 1_000_000));
  }

  private static Optional<String> outside(String what, Double value, double min, double max) {
    if (value == null) {
      return Optional.empty();
    }
    if (value.isNaN() || value.isInfinite() || value < min || value > max) {
      return Optional.of(what + " " + value + " is outside " + fmt(min) + ".." + fmt(max));
    }
    return Optional.empty();
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
