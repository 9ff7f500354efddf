package io.fitmesh.platform.geo;

import java.util.ArrayList;
import java.util.List;

/** Tracks made small enough to store with a workout and to draw on a card. */
public final class Routes {
  /** The most points a stored route keeps. */
  public static final int MAX_POINTS = 500;
  private static final double START_TOLERANCE_M = 2;

  private Routes() {}

  /**
   * The track simplified (Douglas-Peucker) to at most {@code maxPoints}: the tolerance starts at 2 m and doubles
   * until the route fits, so a short track keeps its shape and a long one stays a few metres off at most.
   */
  public static List<LatLon> simplify(List<LatLon> track, int maxPoints) {
    if (track.size() <= maxPoints) {
      return List.copyOf(track);
    }
    double tolerance = START_TOLERANCE_M;
    List<LatLon> simplified = douglasPeucker(track, tolerance);
    while (simplified.size() > maxPoints) {
      tolerance *= 2;
      simplified = douglasPeucker(track, tolerance);
    }
    return simplified;
  }

  /** Google's encoded polyline (precision 5), as map SDKs draw it. */
  public static String encodePolyline(List<LatLon> route) {
    StringBuilder out = new StringBuilder(route.size() * 8);
    long lastLat = 0;
    long lastLon = 0;
    for (LatLon p : route) {
      long lat = Math.round(p.latitudeDeg() * 1e5);
      long lon = Math.round(p.longitudeDeg() * 1e5);
      encode(lat - lastLat, out);
      encode(lon - lastLon, out);
      lastLat = lat;
      lastLon = lon;
    }
    return out.toString();
  }

  private static void encode(long delta, StringBuilder out) {
    long v = delta < 0 ? ~(delta << 1) : delta << 1;
    while (v >= 0x20) {
      out.append((char) ((0x20 | (v & 0x1f)) + 63));
      v >>= 5;
    }
    out.append((char) (v + 63));
  }

  /** Iterative Douglas-Peucker on a local flat projection (fine at the size of a workout). */
  private static List<LatLon> douglasPeucker(List<LatLon> track, double toleranceM) {
    int n = track.size();
    boolean[] keep = new boolean[n];
    keep[0] = true;
    keep[n - 1] = true;
    double cosLat = Math.cos(Math.toRadians(track.get(0).latitudeDeg()));
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = Math.toRadians(track.get(i).longitudeDeg()) * cosLat * 6_371_008.8;
      y[i] = Math.toRadians(track.get(i).latitudeDeg()) * 6_371_008.8;
    }
    int[] stack = new int[2 * n];
    int top = 0;
    stack[top++] = 0;
    stack[top++] = n - 1;
    while (top > 0) {
      int last = stack[--top];
      int first = stack[--top];
      double farthest = -1;
      int index = -1;
      for (int i = first + 1; i < last; i++) {
        double d = distanceToSegment(x[i], y[i], x[first], y[first], x[last], y[last]);
        if (d > farthest) {
          farthest = d;
          index = i;
        }
      }
      if (index >= 0 && farthest > toleranceM) {
        keep[index] = true;
        stack[top++] = first;
        stack[top++] = index;
        stack[top++] = index;
        stack[top++] = last;
      }
    }
    List<LatLon> kept = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (keep[i]) {
        kept.add(track.get(i));
      }
    }
    return kept;
  }

  private static double distanceToSegment(double px, double py, double ax, double ay, double bx, double by) {
    double dx = bx - ax;
    double dy = by - ay;
    double lengthSquared = dx * dx + dy * dy;
    double t = lengthSquared == 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / lengthSquared));
    double cx = ax + t * dx - px;
    double cy = ay + t * dy - py;
    return Math.sqrt(cx * cx + cy * cy);
  }
}
