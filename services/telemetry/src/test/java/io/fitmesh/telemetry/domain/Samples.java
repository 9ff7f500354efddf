package io.fitmesh.telemetry.domain;

import java.time.Instant;

/** Test samples: a run heading north at about 3 m/s from a start time. */
public final class Samples {
  private Samples() {}

  public static SampleReading at(Instant start, long seq) {
    return new SampleReading(seq, start.plusSeconds(seq), 46.05 + seq * 0.000027, 14.5, 300.0 + seq * 0.1,
        140.0, 85.0, null, 3.0, seq * 3.0);
  }

  public static SampleReading withHeartRate(SampleReading s, double bpm) {
    return new SampleReading(s.seq(), s.time(), s.latitudeDeg(), s.longitudeDeg(), s.altitudeM(), bpm,
        s.cadenceRpm(), s.powerWatts(), s.speedMps(), s.distanceM());
  }

  public static SampleReading withLatitude(SampleReading s, double latitude) {
    return new SampleReading(s.seq(), s.time(), latitude, s.longitudeDeg(), s.altitudeM(), s.heartRateBpm(),
        s.cadenceRpm(), s.powerWatts(), s.speedMps(), s.distanceM());
  }
}
