package io.fitmesh.training.domain;

import java.time.Instant;

/** One stored sample of a workout, as the training service reads it; null where not measured. */
public record TrackPoint(
    long seq,
    Instant time,
    Double latitudeDeg,
    Double longitudeDeg,
    Double altitudeM,
    Double heartRateBpm,
    Double cadenceRpm,
    Double powerWatts,
    Double speedMps,
    Double distanceM) {

  public boolean hasPosition() {
    return latitudeDeg != null && longitudeDeg != null;
  }
}
