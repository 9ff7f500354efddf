package io.fitmesh.training.adapters;

import static java.util.Objects.requireNonNull;

import io.fitmesh.platform.errors.ErrorMapper;
import io.fitmesh.platform.grpc.ProtoTime;
import io.fitmesh.telemetry.v1.GetIngestCursorRequest;
import io.fitmesh.telemetry.v1.ListSamplesRequest;
import io.fitmesh.telemetry.v1.ListSamplesResponse;
import io.fitmesh.telemetry.v1.Sample;
import io.fitmesh.telemetry.v1.TelemetryIngestServiceGrpc.TelemetryIngestServiceBlockingStub;
import io.fitmesh.telemetry.v1.UploadSamplesRequest;
import io.fitmesh.telemetry.v1.UploadSamplesResponse;
import io.fitmesh.training.domain.SampleSource;
import io.fitmesh.training.domain.TrackPoint;
import io.grpc.Context;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Reads and writes a workout's samples through the telemetry service, with the caller's token, several calls at a
 * time.
 */
public final class GrpcSampleSource implements SampleSource {
  private static final int PAGE = 5000;
  private static final int BATCH = 1000;
  private static final int IN_FLIGHT = 6;
  /** Runs the telemetry calls of every caller's reads and writes; daemon threads. */
  private static final ExecutorService CALLS = Executors.newFixedThreadPool(8, r -> {
    Thread t = new Thread(r, "sample-calls");
    t.setDaemon(true);
    return t;
  });

  private final Supplier<TelemetryIngestServiceBlockingStub> telemetry;

  public GrpcSampleSource(Supplier<TelemetryIngestServiceBlockingStub> telemetry) {
    this.telemetry = requireNonNull(telemetry, "telemetry");
  }

  /**
   * Every sample in seq order: the cursor says the highest seq, and ranges of {@link #PAGE} seqs are read
   * {@link #IN_FLIGHT} at a time (a day at 1 Hz is 18 ranges, three rounds).
   */
  @Override
  public List<TrackPoint> readAll(String workoutId) {
    try {
      long highest = telemetry.get().getIngestCursor(GetIngestCursorRequest.newBuilder().setWorkoutId(workoutId)
          .build()).getCursor().getHighestSeq();
      List<Supplier<List<TrackPoint>>> ranges = new ArrayList<>();
      for (long from = 0; from <= highest; from += PAGE) {
        long first = from;
        ranges.add(() -> range(workoutId, first, first + PAGE - 1));
      }
      List<TrackPoint> points = new ArrayList<>();
      inCallersContext(ranges).forEach(points::addAll);
      return points;
    } catch (StatusRuntimeException e) {
      throw ErrorMapper.fromDownstream(e, "telemetry service");
    }
  }

  /**
   * Runs the calls {@link #IN_FLIGHT} at a time on the readers, each in the caller's gRPC context (its token and
   * deadline), and returns their results in order; the first failure is thrown as it was.
   */
  private static <T> List<T> inCallersContext(List<Supplier<T>> calls) {
    Semaphore inFlight = new Semaphore(IN_FLIGHT);
    Context caller = Context.current();
    List<CompletableFuture<T>> results = new ArrayList<>();
    for (Supplier<T> call : calls) {
      CompletableFuture<T> result = new CompletableFuture<>();
      inFlight.acquireUninterruptibly();
      CALLS.execute(caller.wrap(() -> {
        try {
          result.complete(call.get());
        } catch (RuntimeException e) {
          result.completeExceptionally(e);
        } finally {
          inFlight.release();
        }
      }));
      results.add(result);
    }
    List<T> answers = new ArrayList<>();
    for (CompletableFuture<T> result : results) {
      try {
        answers.add(result.join());
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException cause ? cause : e;
      }
    }
    return answers;
  }

  /** The samples with seqs {@code from..to}, page by page. */
  private List<TrackPoint> range(String workoutId, long from, long to) {
    List<TrackPoint> points = new ArrayList<>();
    String token = "";
    do {
      ListSamplesResponse page = telemetry.get().listSamples(ListSamplesRequest.newBuilder()
          .setWorkoutId(workoutId).setPageSize(PAGE).setPageToken(token).setFromSeq(token.isEmpty() ? from : 0)
          .build());
      for (Sample s : page.getSamplesList()) {
        if (s.getSeq() > to) {
          return points;
        }
        points.add(toDomain(s));
      }
      token = page.getNextPageToken();
    } while (!token.isEmpty());
    return points;
  }

  @Override
  public void write(String workoutId, List<TrackPoint> points) {
    List<Supplier<UploadSamplesResponse>> uploads = new ArrayList<>();
    for (int i = 0; i < points.size(); i += BATCH) {
      UploadSamplesRequest.Builder batch = UploadSamplesRequest.newBuilder().setWorkoutId(workoutId);
      points.subList(i, Math.min(points.size(), i + BATCH)).forEach(p -> batch.addSamples(toProto(p)));
      UploadSamplesRequest request = batch.build();
      uploads.add(() -> telemetry.get().uploadSamples(request));
    }
    try {
      for (UploadSamplesResponse response : inCallersContext(uploads)) {
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
