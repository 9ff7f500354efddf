package io.fitmesh.platform.geo;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A circle an athlete keeps private (home, work): anyone but the athlete sees a track with every point inside
 * it left out. Totals are not changed by hiding.
 */
public record PrivacyZone(LatLon center, double radiusM) {
  public static final double MIN_RADIUS_M = 200;
  public static final double MAX_RADIUS_M = 1600;
  public static final int MAX_ZONES = 5;

  public PrivacyZone {
    requireNonNull(center, "center");
    if (!(radiusM >= MIN_RADIUS_M && radiusM <= MAX_RADIUS_M)) {
      throw new IllegalArgumentException("a privacy zone's radius is " + (int) MIN_RADIUS_M + ".." + (int) MAX_RADIUS_M
          + " m, was " + radiusM);
    }
  }

  public boolean contains(LatLon point) {
    return center.metersTo(point) <= radiusM;
  }

  /** The points of a track outside every zone, in order. */
  public static List<LatLon> outside(List<LatLon> track, List<PrivacyZone> zones) {
    if (zones.isEmpty()) {
      return track;
    }
    List<LatLon> kept = new ArrayList<>(track.size());
    for (LatLon p : track) {
      if (isOutside(p, zones)) {
        kept.add(p);
      }
    }
    return kept;
  }

  /** The point itself when it is outside every zone. */
  public static Optional<LatLon> shown(LatLon point, List<PrivacyZone> zones) {
    return point != null && isOutside(point, zones) ? Optional.of(point) : Optional.empty();
  }

  private static boolean isOutside(LatLon p, List<PrivacyZone> zones) {
    for (PrivacyZone z : zones) {
      if (z.contains(p)) {
        return false;
      }
    }
    return true;
  }
}
