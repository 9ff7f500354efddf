package io.fitmesh.telemetry.grpc;

import static java.util.Objects.requireNonNull;

import com.linecorp.armeria.common.logging.RequestLogAvailabilityException;
import com.linecorp.armeria.server.ServiceRequestContext;
import io.fitmesh.platform.auth.Callers;
import io.fitmesh.platform.errors.DomainException;
import io.fitmesh.platform.errors.ErrorMapper;
import io.fitmesh.platform.grpc.Paging;
import io.fitmesh.telemetry.domain.IngestReport;
import io.fitmesh.telemetry.domain.IngestService;
import io.fitmesh.telemetry.domain.IngestStages;
import io.fitmesh.telemetry.domain.SampleReading;
import io.fitmesh.telemetry.v1.GetIngestCursorRequest;
import io.fitmesh.telemetry.v1.GetIngestCursorResponse;
import io.fitmesh.telemetry.v1.ListSamplesRequest;
import io.fitmesh.telemetry.v1.ListSamplesResponse;
import io.fitmesh.telemetry.v1.PurgeSamplesRequest;
import io.fitmesh.telemetry.v1.PurgeSamplesResponse;
import io.fitmesh.telemetry.v1.StreamSamplesRequest;
import io.fitmesh.telemetry.v1.StreamSamplesResponse;
import io.fitmesh.telemetry.v1.TelemetryIngestServiceGrpc;
import io.fitmesh.telemetry.v1.UploadSamplesRequest;
import io.fitmesh.telemetry.v1.UploadSamplesResponse;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.List;

/** TelemetryIngestService over gRPC: maps messages and calls {@link IngestService}. */
public final class TelemetryIngestHandler extends TelemetryIngestServiceGrpc.TelemetryIngestServiceImplBase {
  private static final int DEFAULT_PAGE = 1000;
  private static final int MAX_PAGE = 5000;

  private final IngestService ingest;
  private final IngestStages stages;

  public TelemetryIngestHandler(IngestService ingest) {
    this(ingest, IngestStages.NONE);
  }

  /** Records how long each stored batch takes to be acknowledged in {@code stages}. */
  public TelemetryIngestHandler(IngestService ingest, IngestStages stages) {
    this.ingest = requireNonNull(ingest, "ingest");
    this.stages = requireNonNull(stages, "stages");
  }

  @Override
  public void uploadSamples(UploadSamplesRequest request, StreamObserver<UploadSamplesResponse> responses) {
    ingest.ingest(Callers.athleteId(), request.getWorkoutId(), SampleMapping.toDomain(request.getSamplesList()),
            IngestService.CursorWrites.EVERY_BATCH, requestStartNanos())
        .whenComplete((report, failure) -> {
          if (failure != null) {
            responses.onError(ErrorMapper.toStatusException(failure));
            return;
          }
          long stored = System.nanoTime();
          responses.onNext(UploadSamplesResponse.newBuilder().setReport(SampleMapping.toProto(report)).build());
          responses.onCompleted();
          stages.record(IngestStages.Stage.ACK, System.nanoTime() - stored);
        });
  }

  @Override
  public StreamObserver<StreamSamplesRequest> streamSamples(StreamObserver<StreamSamplesResponse> responses) {
    ServerCallStreamObserver<StreamSamplesResponse> call = (ServerCallStreamObserver<StreamSamplesResponse>) responses;
    call.disableAutoRequest();
    call.request(1);
    return new SampleStream(Callers.athleteId(), ingest, stages, call);
  }

  @Override
  public void getIngestCursor(GetIngestCursorRequest request, StreamObserver<GetIngestCursorResponse> responses) {
    responses.onNext(GetIngestCursorResponse.newBuilder()
        .setCursor(SampleMapping.toProto(ingest.cursor(Callers.athleteId(), request.getWorkoutId())))
        .build());
    responses.onCompleted();
  }

  @Override
  public void listSamples(ListSamplesRequest request, StreamObserver<ListSamplesResponse> responses) {
    int size = Paging.pageSize(request.getPageSize(), DEFAULT_PAGE, MAX_PAGE);
    String position = Paging.position(request.getPageToken());
    if (request.getFromSeq() < 0) {
      throw DomainException.invalidArgument("from_seq", "from_seq must not be negative");
    }
    long fromSeq = position == null ? request.getFromSeq() : parseSeq(position);
    List<SampleReading> page = ingest.read(Callers.athleteId(), request.getWorkoutId(), fromSeq, size + 1);
    ListSamplesResponse.Builder response = ListSamplesResponse.newBuilder();
    page.stream().limit(size).map(SampleMapping::toProto).forEach(response::addSamples);
    if (page.size() > size) {
      response.setNextPageToken(Paging.token(Long.toString(page.get(size).seq())));
    }
    responses.onNext(response.build());
    responses.onCompleted();
  }

  @Override
  public void purgeSamples(PurgeSamplesRequest request, StreamObserver<PurgeSamplesResponse> responses) {
    ingest.cursor(Callers.athleteId(), request.getWorkoutId());
    ingest.purge(request.getWorkoutId());
    responses.onNext(PurgeSamplesResponse.getDefaultInstance());
    responses.onCompleted();
  }

  /** When this call's request started arriving (System.nanoTime), or now outside an Armeria request. */
  private static long requestStartNanos() {
    ServiceRequestContext context = ServiceRequestContext.currentOrNull();
    if (context != null) {
      try {
        return context.log().partial().requestStartTimeNanos();
      } catch (RequestLogAvailabilityException notYet) {
        // falls through: counted from now
      }
    }
    return System.nanoTime();
  }

  private static long parseSeq(String position) {
    try {
      return Long.parseLong(position);
    } catch (NumberFormatException e) {
      throw DomainException.invalidArgument("page_token", "page_token is not one this API returned");
    }
  }

  /**
   * One client stream. The next message is requested only when the previous batch is stored, so a sender
   * faster than storage fills the HTTP/2 window and waits, instead of this server buffering without bound.
   */
  private static final class SampleStream implements StreamObserver<StreamSamplesRequest> {
    private final String athleteId;
    private final IngestService ingest;
    private final IngestStages stages;
    private final ServerCallStreamObserver<StreamSamplesResponse> call;
    private String workoutId;
    private IngestReport total;
    private java.util.concurrent.CompletableFuture<?> inFlight = java.util.concurrent.CompletableFuture.completedFuture(null);
    private volatile boolean failed;

    SampleStream(String athleteId, IngestService ingest, IngestStages stages,
        ServerCallStreamObserver<StreamSamplesResponse> call) {
      this.athleteId = athleteId;
      this.ingest = ingest;
      this.stages = stages;
      this.call = call;
    }

    @Override
    public void onNext(StreamSamplesRequest request) {
      if (failed) {
        return;
      }
      long received = System.nanoTime();
      try {
        if (workoutId == null) {
          workoutId = request.getWorkoutId();
        } else if (!workoutId.equals(request.getWorkoutId())) {
          throw DomainException.invalidArgument("workout_id", "one stream carries one workout: "
              + workoutId + ", then " + request.getWorkoutId());
        }
        inFlight = ingest.ingest(athleteId, workoutId, SampleMapping.toDomain(request.getSamplesList()),
                IngestService.CursorWrites.STREAM, received)
            .whenComplete((report, failure) -> {
              if (failure != null) {
                fail(failure);
                return;
              }
              long stored = System.nanoTime();
              synchronized (this) {
                total = total == null ? report : total.plus(report);
              }
              call.request(1);
              stages.record(IngestStages.Stage.ACK, System.nanoTime() - stored);
            });
      } catch (RuntimeException e) {
        fail(e);
      }
    }

    @Override
    public void onError(Throwable t) {
      failed = true;
      if (workoutId != null) {
        ingest.flushCursor(workoutId);
      }
    }

    @Override
    public void onCompleted() {
      java.util.concurrent.CompletableFuture<?> settled = workoutId == null ? inFlight
          : inFlight.handle((ignored, failure) -> null).thenCompose(v -> ingest.flushCursor(workoutId));
      settled.whenComplete((ignored, failure) -> {
        if (failure != null) {
          fail(failure);
        }
        if (failed) {
          return;
        }
        synchronized (this) {
          StreamSamplesResponse.Builder response = StreamSamplesResponse.newBuilder();
          if (total != null) {
            response.setReport(SampleMapping.toProto(total));
          } else {
            response.setReport(io.fitmesh.telemetry.v1.IngestReport.newBuilder().setDurableThroughSeq(-1));
          }
          call.onNext(response.build());
          call.onCompleted();
        }
      });
    }

    private void fail(Throwable failure) {
      if (failed) {
        return;
      }
      failed = true;
      call.onError(ErrorMapper.toStatusException(failure));
    }
  }
}
