package io.fitmesh.telemetry.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import io.fitmesh.platform.auth.JwtTokens;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** When storage is slower than a device, the device is held back by flow control; the server does not buffer. */
class StreamFlowControlTest {
  private static final int BATCH = 100;

  @Test
  void aSlowStore_holdsTheSenderBack_insteadOfQueueingItsBatches() throws Exception {
    AtomicLong stored = new AtomicLong();
    InMemorySampleStore memory = new InMemorySampleStore();
    SampleStore slow = new SampleStore() {
      @Override
      public CompletableFuture<Void> append(String workoutId, List<SampleReading> samples) {
        try {
          Thread.sleep(20);
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
    Instant start = Instant.now().minus(Duration.ofHours(1));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    IngestService ingest = new IngestService(slow, new InMemoryCursorStore(),
        id -> new WorkoutAccess.Grant(start, true), new LiveTracker(s -> { }, Duration.ofSeconds(1), Clock.systemUTC()),
        Clock.systemUTC(), pool);
    JwtTokens tokens = new JwtTokens("a-test-secret-of-32-characters!!", Clock.systemUTC());
    FitmeshService service = new FitmeshService() {
      @Override
      public String name() {
        return "telemetry";
      }

      @Override
      public List<BindableService> grpcServices() {
        return List.of(new TelemetryIngestHandler(ingest));
      }
    };
    ServiceServer server = ServiceServer.start(service, "127.0.0.1", 0, Duration.ofSeconds(1), OpenTelemetry.noop(), tokens);
    try {
      TelemetryIngestServiceStub stub = new GrpcChannels(OpenTelemetry.noop(), Duration.ofSeconds(30))
          .stub(server.endpoint(), TelemetryIngestServiceStub.class, tokens.mint("athlete-1", Duration.ofMinutes(5)));
      AtomicLong sent = new AtomicLong();
      AtomicBoolean heldBack = new AtomicBoolean();
      AtomicLong storedWhenSendingStopped = new AtomicLong();
      CompletableFuture<StreamSamplesResponse> done = new CompletableFuture<>();
      long end = System.nanoTime() + Duration.ofSeconds(3).toNanos();
      stub.streamSamples(new ClientResponseObserver<StreamSamplesRequest, StreamSamplesResponse>() {
        @Override
        public void beforeStart(ClientCallStreamObserver<StreamSamplesRequest> requests) {
          requests.setOnReadyHandler(() -> {
            while (requests.isReady()) {
              if (System.nanoTime() > end) {
                storedWhenSendingStopped.set(stored.get());
                requests.onCompleted();
                return;
              }
              requests.onNext(batch(start, sent.getAndIncrement()));
            }
            heldBack.set(true);
          });
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

      StreamSamplesResponse response = done.get(60, java.util.concurrent.TimeUnit.SECONDS);

      assertThat(heldBack).as("the sender was told to wait").isTrue();
      assertThat(sent.get() - storedWhenSendingStopped.get())
          .as("batches sent but not yet stored when sending stopped: bounded by the HTTP/2 window, not thousands")
          .isBetween(0L, 200L);
      assertThat(storedWhenSendingStopped.get()).as("3 s of a 20 ms store").isBetween(50L, 160L);
      assertThat(response.getReport().getAcceptedCount()).isEqualTo(sent.get() * BATCH);
      assertThat(response.getReport().getDurableThroughSeq()).isEqualTo(sent.get() * BATCH - 1);
    } finally {
      server.close();
      pool.shutdownNow();
    }
  }

  private static StreamSamplesRequest batch(Instant start, long index) {
    StreamSamplesRequest.Builder b = StreamSamplesRequest.newBuilder().setWorkoutId("workout-flow-0001");
    for (long seq = index * BATCH; seq < (index + 1) * BATCH; seq++) {
      b.addSamples(Sample.newBuilder().setSeq(seq).setTime(Timestamp.newBuilder().setSeconds(start.getEpochSecond() + seq / 10))
          .setLatitudeDeg(46).setLongitudeDeg(14.5).setHeartRateBpm(140));
    }
    return b.build();
  }
}
