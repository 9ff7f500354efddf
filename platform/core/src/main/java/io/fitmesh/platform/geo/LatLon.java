package io.fitmesh.platform.geo;

/** A point in degrees on WGS 84. */
public record LatLon(double latitudeDeg, double longitudeDeg) {

  public LatLon {
    if (!(latitudeDeg >= -90 && latitudeDeg <= 90) || !(longitudeDeg >= -180 && longitudeDeg <= 180)) {
      throw new IllegalArgumentException("not a position: " + latitudeDeg + ", " + longitudeDeg);
    }
  }

  /** Metres to another point along the great circle. */
  public double metersTo(LatLon other) {
    return GeoMath.haversineMeters(latitudeDeg, longitudeDeg, other.latitudeDeg, other.longitudeDeg);
  }
}
