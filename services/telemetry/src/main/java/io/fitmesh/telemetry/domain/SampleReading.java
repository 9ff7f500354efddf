package io.fitmesh.telemetry.domain;

import java.time.Instant;

/**
 * One reading of a recording device, in SI units and UTC. Optional measurements are null when the device did
 * not send them.
 */
public record SampleReading(
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
