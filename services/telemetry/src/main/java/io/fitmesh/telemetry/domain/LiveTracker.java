package io.fitmesh.telemetry.domain;

import static java.util.Objects.requireNonNull;

import io.fitmesh.platform.geo.GeoMath;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Follows each workout being recorded as its samples are stored, and publishes its live state at most once
 * per {@code interval}. Moves shorter than {@link #JITTER_M} between fixes are GPS noise and add no distance.
 * State lives in memory: after a restart distance restarts from the next samples (the final summary is built
 * from the stored samples and is not affected).
 */
public final class LiveTracker {
  static final double JITTER_M = 3.0;
  private static final Duration IDLE = Duration.ofHours(2);

  private final LiveUpdates updates;
  private final Duration interval;
  private final Clock clock;
  private final Map<String, Track> tracks = new ConcurrentHashMap<>();

  public LiveTracker(LiveUpdates updates, Duration interval, Clock clock) {
    this.updates = requireNonNull(updates, "updates");
    this.interval = requireNonNull(interval, "interval");
    this.clock = requireNonNull(clock, "clock");
  }

  /** Takes newly stored samples of a workout (any order) and publishes if the interval has passed. */
  public void onStored(String athleteId, IngestCursor cursor, List<SampleReading> stored) {
    if (stored.isEmpty()) {
      return;
    }
    Track track = tracks.computeIfAbsent(cursor.workoutId(), id -> new Track());
    LiveState state;
    synchronized (track) {
      stored.stream().sorted(Comparator.comparingLong(SampleReading::seq)).forEach(track::add);
      Instant now = clock.instant();
      track.touched = now;
      if (track.lastPublished != null && track.lastPublished.plus(interval).isAfter(now)) {
        return;
      }
      track.lastPublished = now;
      state = track.state(cursor, athleteId);
    }
    updates.publish(state);
    evictIdle();
  }

  /** Forgets a workout (finished or deleted). */
  public void forget(String workoutId) {
    tracks.remove(workoutId);
  }

  private void evictIdle() {
    Instant cutoff = clock.instant().minus(IDLE);
    tracks.values().removeIf(t -> t.touched != null && t.touched.isBefore(cutoff));
  }

  private static final class Track {
    Instant firstTime;
    SampleReading last;
    SampleReading lastFix;
    double distanceM;
    Instant lastPublished;
    Instant touched;

    void add(SampleReading s) {
      if (last != null && s.seq() <= last.seq()) {
        return;
      }
      if (firstTime == null || s.time().isBefore(firstTime)) {
        firstTime = s.time();
      }
      if (s.hasPosition()) {
        if (lastFix != null) {
          double d = GeoMath.haversineMeters(lastFix.latitudeDeg(), lastFix.longitudeDeg(),
              s.latitudeDeg(), s.longitudeDeg());
          if (d >= JITTER_M) {
            distanceM += d;
            lastFix = s;
          }
        } else {
          lastFix = s;
        }
      } else if (s.distanceM() != null) {
        distanceM = Math.max(distanceM, s.distanceM());
      }
      last = s;
    }

    LiveState state(IngestCursor cursor, String athleteId) {
      double elapsed = Duration.between(firstTime, last.time()).toMillis() / 1000.0;
      return new LiveState(cursor.workoutId(), athleteId, cursor.durableThroughSeq(), last.time(), distanceM,
          elapsed, last.speedMps() == null ? 0 : last.speedMps(), last.heartRateBpm(),
          lastFix == null ? null : lastFix.latitudeDeg(), lastFix == null ? null : lastFix.longitudeDeg());
    }
  }
}
