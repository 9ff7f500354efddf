package io.fitmesh.app.bench;

import com.google.protobuf.Timestamp;
import io.fitmesh.telemetry.v1.Sample;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Samples of a simulated wearable on a run: one per tick, moving north at 3 m/s with heart rate. */
final class SyntheticDevice {
  private final Instant start;
  private long nextSeq;

  SyntheticDevice(Instant start) {
    this.start = start;
  }

  List<Sample> next(int count) {
    List<Sample> batch = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      long seq = nextSeq++;
      batch.add(Sample.newBuilder()
          .setSeq(seq)
          .setTime(Timestamp.newBuilder().setSeconds(start.getEpochSecond() + seq / 10).setNanos((int) (seq % 10) * 100_000_000))
          .setLatitudeDeg(46.0 + seq * 0.3 / 111_195.0)
          .setLongitudeDeg(14.5)
          .setAltitudeM(300 + (seq % 50) * 0.1)
          .setHeartRateBpm(140 + seq % 20)
          .setCadenceRpm(85)
          .setSpeedMps(3.0)
          .setDistanceM(seq * 0.3)
          .build());
    }
    return batch;
  }
}
