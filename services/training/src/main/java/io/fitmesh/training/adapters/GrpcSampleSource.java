package io.fitmesh.training.adapters;

import static java.util.Objects.requireNonNull;

import io.fitmesh.platform.errors.ErrorMapper;
import io.fitmesh.platform.grpc.ProtoTime;
import io.fitmesh.telemetry.v1.ListSamplesRequest;
import io.fitmesh.telemetry.v1.ListSamplesResponse;
import io.fitmesh.telemetry.v1.Sample;
import io.fitmesh.telemetry.v1.TelemetryIngestServiceGrpc.TelemetryIngestServiceBlockingStub;
import io.fitmesh.telemetry.v1.UploadSamplesRequest;
import io.fitmesh.telemetry.v1.UploadSamplesResponse;
import io.fitmesh.training.domain.SampleSource;
import io.fitmesh.training.domain.TrackPoint;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Reads and writes a workout's samples through the telemetry service, with the caller's token. */
public final class GrpcSampleSource implements SampleSource {
  private static final int PAGE = 5000;
  private static final int BATCH = 1000;

  private final Supplier<TelemetryIngestServiceBlockingStub> telemetry;

  public GrpcSampleSource(Supplier<TelemetryIngestServiceBlockingStub> telemetry) {
    this.telemetry = requireNonNull(telemetry, "telemetry");
  }

  @Override
  public List<TrackPoint> readAll(String workoutId) {
    List<TrackPoint> points = new ArrayList<>();
    String token = "";
    try {
      do {
        ListSamplesResponse page = telemetry.get().listSamples(ListSamplesRequest.newBuilder()
            .setWorkoutId(workoutId).setPageSize(PAGE).setPageToken(token).build());
        page.getSamplesList().forEach(s -> points.add(toDomain(s)));
        token = page.getNextPageToken();
      } while (!token.isEmpty());
      return points;
    } catch (StatusRuntimeException e) {
      throw ErrorMapper.fromDownstream(e, "telemetry service");
    }
  }

  @Override
  public void write(String workoutId, List<TrackPoint> points) {
    try {
      for (int i = 0; i < points.size(); i += BATCH) {
        UploadSamplesRequest.Builder batch = UploadSamplesRequest.newBuilder().setWorkoutId(workoutId);
        points.subList(i, Math.min(points.size(), i + BATCH)).forEach(p -> batch.addSamples(toProto(p)));
        UploadSamplesResponse response = telemetry.get().uploadSamples(batch.build());
        if (response.getReport().getRejectedCount() > 0) {
          throw io.fitmesh.platform.errors.DomainException.invalidArgument("data", "sample "
              + response.getReport().getRejectedSamples(0).getSeq() + " of the file is impossible: "
              + response.getReport().getRejectedSamples(0).getReason());
        }
      }
    } catch (StatusRuntimeException e) {
      throw ErrorMapper.fromDownstream(e, "telemetry service");
    }
  }

  private static TrackPoint toDomain(Sample s) {
    return new TrackPoint(s.getSeq(), ProtoTime.toInstant(s.getTime()),
        s.hasLatitudeDeg() ? s.getLatitudeDeg() : null, s.hasLongitudeDeg() ? s.getLongitudeDeg() : null,
        s.hasAltitudeM() ? s.getAltitudeM() : null, s.hasHeartRateBpm() ? s.getHeartRateBpm() : null,
        s.hasCadenceRpm() ? s.getCadenceRpm() : null, s.hasPowerWatts() ? s.getPowerWatts() : null,
        s.hasSpeedMps() ? s.getSpeedMps() : null, s.hasDistanceM() ? s.getDistanceM() : null);
  }

  private static Sample toProto(TrackPoint p) {
    Sample.Builder b = Sample.newBuilder().setSeq(p.seq()).setTime(ProtoTime.toTimestamp(p.time()));
    if (p.hasPosition()) {
      b.setLatitudeDeg(p.latitudeDeg()).setLongitudeDeg(p.longitudeDeg());
    }
    if (p.altitudeM() != null) {
      b.setAltitudeM(p.altitudeM());
    }
    if (p.heartRateBpm() != null) {
      b.setHeartRateBpm(p.heartRateBpm());
    }
    if (p.cadenceRpm() != null) {
      b.setCadenceRpm(p.cadenceRpm());
    }
    if (p.powerWatts() != null) {
      b.setPowerWatts(p.powerWatts());
    }
    if (p.speedMps() != null) {
      b.setSpeedMps(p.speedMps());
    }
    if (p.distanceM() != null) {
      b.setDistanceM(p.distanceM());
    }
    return b.build();
  }
}
