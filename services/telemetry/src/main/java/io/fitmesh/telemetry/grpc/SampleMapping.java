package io.fitmesh.telemetry.grpc;

import io.fitmesh.platform.grpc.ProtoTime;
import io.fitmesh.telemetry.domain.IngestCursor;
import io.fitmesh.telemetry.domain.IngestReport;
import io.fitmesh.telemetry.domain.SampleReading;
import io.fitmesh.telemetry.v1.RejectedSample;
import io.fitmesh.telemetry.v1.Sample;
import io.fitmesh.telemetry.v1.SeqGap;
import java.util.List;

/** Proto messages to and from telemetry domain types. */
final class SampleMapping {
  private static final int MAX_LISTED_REJECTIONS = 1000;
  private static final int MAX_LISTED_GAPS = 100;

  private SampleMapping() {}

  static SampleReading toDomain(Sample s) {
    return new SampleReading(s.getSeq(), ProtoTime.toInstant(s.getTime()),
        s.hasLatitudeDeg() ? s.getLatitudeDeg() : null,
        s.hasLongitudeDeg() ? s.getLongitudeDeg() : null,
        s.hasAltitudeM() ? s.getAltitudeM() : null,
        s.hasHeartRateBpm() ? s.getHeartRateBpm() : null,
        s.hasCadenceRpm() ? s.getCadenceRpm() : null,
        s.hasPowerWatts() ? s.getPowerWatts() : null,
        s.hasSpeedMps() ? s.getSpeedMps() : null,
        s.hasDistanceM() ? s.getDistanceM() : null);
  }

  static List<SampleReading> toDomain(List<Sample> samples) {
    return samples.stream().map(SampleMapping::toDomain).toList();
  }

  static Sample toProto(SampleReading s) {
    Sample.Builder b = Sample.newBuilder().setSeq(s.seq()).setTime(ProtoTime.toTimestamp(s.time()));
    if (s.latitudeDeg() != null) {
      b.setLatitudeDeg(s.latitudeDeg()).setLongitudeDeg(s.longitudeDeg());
    }
    if (s.altitudeM() != null) {
      b.setAltitudeM(s.altitudeM());
    }
    if (s.heartRateBpm() != null) {
      b.setHeartRateBpm(s.heartRateBpm());
    }
    if (s.cadenceRpm() != null) {
      b.setCadenceRpm(s.cadenceRpm());
    }
    if (s.powerWatts() != null) {
      b.setPowerWatts(s.powerWatts());
    }
    if (s.speedMps() != null) {
      b.setSpeedMps(s.speedMps());
    }
    if (s.distanceM() != null) {
      b.setDistanceM(s.distanceM());
    }
    return b.build();
  }

  static io.fitmesh.telemetry.v1.IngestReport toProto(IngestReport report) {
    io.fitmesh.telemetry.v1.IngestReport.Builder b = io.fitmesh.telemetry.v1.IngestReport.newBuilder()
        .setWorkoutId(report.cursor().workoutId())
        .setDurableThroughSeq(report.cursor().durableThroughSeq())
        .setAcceptedCount(report.accepted())
        .setDuplicateCount(report.duplicates())
        .setRejectedCount(report.rejected().size())
        .addAllGaps(gaps(report.cursor()));
    report.rejected().stream().limit(MAX_LISTED_REJECTIONS).forEach(r ->
        b.addRejectedSamples(RejectedSample.newBuilder().setSeq(r.seq()).setReason(r.reason())));
    return b.build();
  }

  static io.fitmesh.telemetry.v1.IngestCursor toProto(IngestCursor cursor) {
    return io.fitmesh.telemetry.v1.IngestCursor.newBuilder()
        .setWorkoutId(cursor.workoutId())
        .setDurableThroughSeq(cursor.durableThroughSeq())
        .setHighestSeq(cursor.highestSeq())
        .addAllGaps(gaps(cursor))
        .build();
  }

  private static List<SeqGap> gaps(IngestCursor cursor) {
    return cursor.gaps(MAX_LISTED_GAPS).stream()
        .map(g -> SeqGap.newBuilder().setFirstSeq(g[0]).setLastSeq(g[1]).build())
        .toList();
  }
}
