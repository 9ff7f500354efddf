package io.fitmesh.social.domain;

import static java.util.Objects.requireNonNull;

import io.fitmesh.platform.geo.LatLon;
import java.time.Instant;
import java.util.List;

/**
 * A finished workout as feeds show it, kept by social from training's events.
 *
 * @param sport the sport's name as training names it (RUN, RIDE, ...)
 * @param route the simplified track, whole; others see it without the author's privacy zones
 */
public record Activity(String workoutId, String authorId, String sport, String title, Instant startTime,
    String timeZone, double distanceM, double movingS, double averageSpeedMps, double averagePaceSPerKm,
    double elevationGainM, Visibility visibility, List<LatLon> route) {

  public Activity {
    requireNonNull(workoutId, "workoutId");
    requireNonNull(authorId, "authorId");
    requireNonNull(startTime, "startTime");
    requireNonNull(visibility, "visibility");
    route = List.copyOf(route);
  }

  /** Where it sits in a timeline. */
  public TimelineEntry entry() {
    return new TimelineEntry(workoutId, authorId, startTime);
  }
}
