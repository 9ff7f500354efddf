package io.fitmesh.challenge.domain;

import io.fitmesh.platform.geo.GeoMath;

/** A circle on the earth; a regional challenge counts only workouts that start inside it. */
public record Region(double latitudeDeg, double longitudeDeg, double radiusKm) {

  public boolean contains(double latitude, double longitude) {
    return GeoMath.haversineMeters(latitudeDeg, longitudeDeg, latitude, longitude) <= radiusKm * 1000;
  }
}
