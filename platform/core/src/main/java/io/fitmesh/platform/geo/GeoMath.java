package io.fitmesh.platform.geo;

/** Distances on the WGS 84 sphere approximation, good to 0.5% for the distances of a workout. */
public final class GeoMath {
  private static final double EARTH_RADIUS_M = 6_371_008.8;

  private GeoMath() {}

  /** Great-circle distance in metres between two points in degrees. */
  public static double haversineMeters(double lat1, double lon1, double lat2, double lon2) {
    double phi1 = Math.toRadians(lat1);
    double phi2 = Math.toRadians(lat2);
    double dPhi = phi2 - phi1;
    double dLambda = Math.toRadians(lon2 - lon1);
    double a = Math.sin(dPhi / 2) * Math.sin(dPhi / 2)
        + Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) * Math.sin(dLambda / 2);
    return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
  }
}
