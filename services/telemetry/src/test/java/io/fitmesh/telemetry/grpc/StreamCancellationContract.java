package io.fitmesh.telemetry.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.Timestamp;
import io.fitmesh.platform.client.GrpcChannels;
import io.fitmesh.platform.server.FitmeshService;
import io.fitmesh.platform.server.ServiceServer;
import io.fitmesh.telemetry.domain.CursorStore;
import io.fitmesh.telemetry.domain.IngestCursor;
import io.fitmesh.telemetry.domain.IngestService;
import io.fitmesh.telemetry.domain.LiveTracker;
import io.fitmesh.telemetry.domain.SampleStore;
import io.fitmesh.telemetry.domain.WorkoutAccess;
import io.fitmesh.telemetry.v1.GetIngestCursorRequest;
import io.fitmesh.telemetry.v1.Sample;
import io.fitmesh.telemetry.v1.StreamSamplesRequest;
import io.fitmesh.telemetry.v1.StreamSamplesResponse;
import io.fitmesh.telemetry.v1.TelemetryIngestServiceGrpc.TelemetryIngestServiceBlockingStub;
import io.fitmesh.telemetry.v1.TelemetryIngestServiceGrpc.TelemetryIngestServiceStub;
import io.fitmesh.testkit.LogCapture;
import io.fitmesh.testkit.TcpRelay;
import io.fitmesh.testkit.TestAuth;
import io.grpc.BindableService;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A wearable's link drops mid-stream: whatever was stored is in the cursor the device reads next (on this
 * instance or any other), and the drop is not logged as a failure. Run on the in-memory and the CQL stores.
 */
abstract class StreamCancellationContract {
  private static final int BATCH = 100;
  private final Instant start = Instant.now().minus(Duration.ofHours(1));
  private ExecutorService pool;
  private ServiceServer server;
  private GrpcChannels channels;

  abstract SampleStore samples();

  abstract CursorStore cursors();

  @BeforeEach
  void startServer() {
    pool = Executors.newFixedThreadPool(4);
    IngestService ingest = new IngestService(samples(), cursors(), id -> new WorkoutAccess.Grant(start, true),
        new LiveTracker(s -> { }, Duration.ofSeconds(1), Clock.systemUTC()), Clock.systemUTC(), pool);
    server = ServiceServer.start(new FitmeshService() {
      @Override
      public String name() {
        return "telemetry";
      }

      @Override
      public List<BindableService> grpcServices() {
        return List.of(new TelemetryIngestHandler(ingest));
      }

      @Override
      public java.util.Set<String> publicMethods() {
        return io.fitmesh.telemetry.TelemetryDeployable.PUBLIC_METHODS;
      }

      @Override
      public java.util.Map<String, Long> requestLimits() {
        return io.fitmesh.telemetry.TelemetryDeployable.REQUEST_LIMITS;
      }
    }, "127.0.0.1", 0, Duration.ofSeconds(1), OpenTelemetry.noop(), TestAuth.auth());
    channels = new GrpcChannels(OpenTelemetry.noop(), Duration.ofSeconds(30));
  }

  @AfterEach
  void stopServer() {
    server.close();
    pool.shutdownNow();
  }

  @Test
  void aStreamCancelledAfterStoring_leavesEverythingStoredInTheCursor_andLogsNoError() throws Exception {
    assertDroppedStreamKeepsItsCursor(LinkDrop.CANCEL);
  }

  @Test
  void aConnectionLostAfterStoring_leavesEverythingStoredInTheCursor_andLogsNoError() throws Exception {
    assertDroppedStreamKeepsItsCursor(LinkDrop.CONNECTION_LOST);
  }

  @Test
  void aStreamWhoseDeadlinePassesAfterStoring_leavesEverythingStoredInTheCursor_andLogsNoError() throws Exception {
    assertDroppedStreamKeepsItsCursor(LinkDrop.DEADLINE);
  }

  private enum LinkDrop { CANCEL, CONNECTION_LOST, DEADLINE }

  private void assertDroppedStreamKeepsItsCursor(LinkDrop drop) throws Exception {
    String workoutId = "drop-" + UUID.randomUUID();
    String token = TestAuth.clientToken("athlete-1");
    TelemetryIngestServiceBlockingStub app = channels.stub(server.endpoint(),
        TelemetryIngestServiceBlockingStub.class, token);
    AtomicReference<ClientCallStreamObserver<StreamSamplesRequest>> stream = new AtomicReference<>();
    try (TcpRelay link = TcpRelay.to(server.port()); LogCapture log = LogCapture.atLeast("ERROR")) {
      TelemetryIngestServiceStub device = channels.stub(link.endpoint(), TelemetryIngestServiceStub.class, token);
      if (drop == LinkDrop.DEADLINE) {
        device = device.withDeadlineAfter(3, TimeUnit.SECONDS);
      }
      device.streamSamples(
          new ClientResponseObserver<StreamSamplesRequest, StreamSamplesResponse>() {
            @Override
            public void beforeStart(ClientCallStreamObserver<StreamSamplesRequest> requests) {
              stream.set(requests);
            }

            @Override
            public void onNext(StreamSamplesResponse value) {}

            @Override
            public void onError(Throwable t) {}

            @Override
            public void onCompleted() {}
          });
      for (int i = 0; i < 10; i++) {
        stream.get().onNext(batch(workoutId, i));
      }
      await().atMost(Duration.ofSeconds(30)).until(() -> samples().read(workoutId, 0, 999, 2000).size() == 1000);

      switch (drop) {
        case CANCEL -> stream.get().cancel("the wearable gave up", null);
        case CONNECTION_LOST -> link.dropConnections();
        case DEADLINE -> { } // the stream stays open until its deadline passes
      }

      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(cursors().load(workoutId))
          .as("the saved cursor, as another instance reads it")
          .map(IngestCursor::durableThroughSeq).hasValue(999L));
      assertThat(app.getIngestCursor(GetIngestCursorRequest.newBuilder().setWorkoutId(workoutId).build())
          .getCursor().getDurableThroughSeq()).isEqualTo(999);
      assertThat(log.events()).isEmpty();
    }
  }

  private StreamSamplesRequest batch(String workoutId, int index) {
    StreamSamplesRequest.Builder b = StreamSamplesRequest.newBuilder().setWorkoutId(workoutId);
    for (long seq = (long) index * BATCH; seq < (index + 1L) * BATCH; seq++) {
      b.addSamples(Sample.newBuilder().setSeq(seq)
          .setTime(Timestamp.newBuilder().setSeconds(start.getEpochSecond() + seq))
          .setLatitudeDeg(46 + seq * 1e-5).setLongitudeDeg(14.5).setHeartRateBpm(140));
    }
    return b.build();
  }
}
