package io.fitmesh.telemetry.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import io.fitmesh.platform.client.GrpcChannels;
import io.fitmesh.platform.server.FitmeshService;
import io.fitmesh.platform.server.ServiceServer;
import io.fitmesh.telemetry.adapters.InMemoryCursorStore;
import io.fitmesh.telemetry.adapters.InMemorySampleStore;
import io.fitmesh.telemetry.domain.IngestService;
import io.fitmesh.telemetry.domain.LiveTracker;
import io.fitmesh.telemetry.domain.SampleReading;
import io.fitmesh.telemetry.domain.SampleStore;
import io.fitmesh.telemetry.domain.WorkoutAccess;
import io.fitmesh.telemetry.v1.Sample;
import io.fitmesh.telemetry.v1.StreamSamplesRequest;
import io.fitmesh.telemetry.v1.StreamSamplesResponse;
import io.fitmesh.telemetry.v1.TelemetryIngestServiceGrpc.TelemetryIngestServiceStub;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * When storage is slower than a device, HTTP/2 flow control holds the device back: the server takes the next
 * message only once the previous batch is stored, so what crossed the wire but is not stored yet stays within
 * the stream's window, however much the device has to send.
 */
class StreamFlowControlTest {
  private static final int BATCH = 1000;
  /** About 40 KB a batch: 8 MB in all, far more than an HTTP/2 window holds. */
  private static final long BATCHES = 200;
  /**
   * The server's HTTP/2 stream window (Armeria's default, 1 MiB) with half as much again for the batches in hand
   * (one being stored, the next one read) and framing.
   */
  private static final long WINDOW_BYTES = 1024 * 1024 * 3 / 2;

  @Test
  void aSlowStore_holdsTheSenderBack_insteadOfBufferingItsBatches() throws Exception {
    Instant start = Instant.now().minus(Duration.ofHours(1));
    long batchBytes = batch(start, 0).getSerializedSize();
    AtomicLong stored = new AtomicLong();
    AtomicLong mostUnstoredBytes = new AtomicLong();
    AtomicReference<TcpRelay> relay = new AtomicReference<>();
    InMemorySampleStore memory = new InMemorySampleStore();
    SampleStore slow = new SampleStore() {
      @Override
      public CompletableFuture<Void> append(String workoutId, List<SampleReading> samples) {
        mostUnstoredBytes.accumulateAndGet(relay.get().bytesToServer() - stored.get() * batchBytes, Math::max);
        try {
          Thread.sleep(10);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        stored.incrementAndGet();
        return memory.append(workoutId, samples);
      }

      @Override
      public List<SampleReading> read(String workoutId, long fromSeq, long toSeq, int limit) {
        return memory.read(workoutId, fromSeq, toSeq, limit);
      }

      @Override
      public void purge(String workoutId, long toSeq) {}
    };
    ExecutorService pool = Executors.newFixedThreadPool(4);
    IngestService ingest = new IngestService(slow, new InMemoryCursorStore(),
        id -> new WorkoutAccess.Grant(start, true),
        new LiveTracker(s -> { }, Duration.ofSeconds(1), Clock.systemUTC()), Clock.systemUTC(), pool);
    FitmeshService service = new FitmeshService() {
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
    };
    ServiceServer server = ServiceServer.start(service, "127.0.0.1", 0, Duration.ofSeconds(1),
        OpenTelemetry.noop(), TestAuth.auth());
    try (TcpRelay wire = TcpRelay.to(server.port())) {
      relay.set(wire);
      TelemetryIngestServiceStub stub = new GrpcChannels(OpenTelemetry.noop(), Duration.ofSeconds(120))
          .stub(wire.endpoint(), TelemetryIngestServiceStub.class, TestAuth.clientToken("athlete-1"));
      CompletableFuture<StreamSamplesResponse> done = new CompletableFuture<>();
      stub.streamSamples(new ClientResponseObserver<StreamSamplesRequest, StreamSamplesResponse>() {
        @Override
        public void beforeStart(ClientCallStreamObserver<StreamSamplesRequest> requests) {
          for (long i = 0; i < BATCHES; i++) {
            requests.onNext(batch(start, i));
          }
          requests.onCompleted();
        }

        @Override
        public void onNext(StreamSamplesResponse value) {
          done.complete(value);
        }

        @Override
        public void onError(Throwable t) {
          done.completeExceptionally(t);
        }

        @Override
        public void onCompleted() {}
      });

      StreamSamplesResponse response = done.get(120, TimeUnit.SECONDS);

      assertThat(mostUnstoredBytes.get())
          .as("bytes on the wire but not stored yet: held to the stream window, not all %d", BATCHES * batchBytes)
          .isLessThan(WINDOW_BYTES);
      assertThat(wire.bytesToServer()).as("everything did arrive in the end").isGreaterThan(BATCHES * batchBytes);
      assertThat(stored.get()).isEqualTo(BATCHES);
      assertThat(response.getReport().getAcceptedCount()).isEqualTo(BATCHES * BATCH);
      assertThat(response.getReport().getDurableThroughSeq()).isEqualTo(BATCHES * BATCH - 1);
    } finally {
      server.close();
      pool.shutdownNow();
    }
  }

  private static StreamSamplesRequest batch(Instant start, long index) {
    StreamSamplesRequest.Builder b = StreamSamplesRequest.newBuilder().setWorkoutId("workout-flow-0001");
    for (long seq = index * BATCH; seq < (index + 1) * BATCH; seq++) {
      b.addSamples(Sample.newBuilder().setSeq(seq).setTime(Timestamp.newBuilder().setSeconds(start.getEpochSecond() + seq / 100))
          .setLatitudeDeg(46).setLongitudeDeg(14.5).setHeartRateBpm(140));
    }
    return b.build();
  }
}
