package io.fitmesh.telemetry;

import com.datastax.oss.driver.api.core.CqlSession;
import io.fitmesh.platform.events.EventSubscription;
import io.fitmesh.platform.runtime.PlatformRuntime;
import io.fitmesh.platform.server.FitmeshService;
import io.fitmesh.telemetry.adapters.EventBusLiveUpdates;
import io.fitmesh.telemetry.adapters.GrpcWorkoutAccess;
import io.fitmesh.telemetry.adapters.InMemoryCursorStore;
import io.fitmesh.telemetry.adapters.InMemorySampleStore;
import io.fitmesh.telemetry.adapters.ScyllaCursorStore;
import io.fitmesh.telemetry.adapters.ScyllaSampleStore;
import io.fitmesh.telemetry.domain.CursorStore;
import io.fitmesh.telemetry.domain.IngestService;
import io.fitmesh.telemetry.domain.LiveTracker;
import io.fitmesh.telemetry.domain.SampleStore;
import io.fitmesh.telemetry.grpc.TelemetryIngestHandler;
import io.fitmesh.training.v1.TrainingDeleted;
import io.fitmesh.training.v1.TrainingServiceGrpc.TrainingServiceBlockingStub;
import io.grpc.BindableService;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The telemetry deployable: TelemetryIngestService. Samples and cursors in CQL (keyspace fitmesh_telemetry) or
 * in memory; publishes training.updated (FITMESH_LIVE_UPDATE_INTERVAL, default 1s, per workout); consumes
 * training.deleted (subscription "telemetry") to purge a deleted workout's samples.
 */
public final class TelemetryDeployable implements FitmeshService {
  public static final String NAME = "telemetry";

  private final ExecutorService pool;
  private final EventBusLiveUpdates liveUpdates;
  private final IngestService ingest;
  private final EventSubscription deletions;

  public TelemetryDeployable(PlatformRuntime runtime) {
    SampleStore samples;
    CursorStore cursors;
    if (runtime.cql().isPresent()) {
      CqlSession session = runtime.cql().get();
      String keyspace = runtime.migrateCql(NAME);
      samples = new ScyllaSampleStore(session, keyspace);
      cursors = new ScyllaCursorStore(session, keyspace);
    } else {
      samples = new InMemorySampleStore();
      cursors = new InMemoryCursorStore();
    }
    Duration liveInterval = runtime.config().settings().duration("FITMESH_LIVE_UPDATE_INTERVAL", Duration.ofSeconds(1));
    AtomicInteger threads = new AtomicInteger();
    this.pool = Executors.newFixedThreadPool(32, r -> {
      Thread t = new Thread(r, "telemetry-ingest-" + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.liveUpdates = new EventBusLiveUpdates(runtime.events());
    this.ingest = new IngestService(samples, cursors,
        new GrpcWorkoutAccess(runtime.services().stub("training", TrainingServiceBlockingStub.class)),
        new LiveTracker(liveUpdates, liveInterval, runtime.clock()),
        runtime.clock(), pool);
    this.deletions = runtime.events().subscribe(runtime.subscription("training.deleted", NAME),
        event -> ingest.purge(event.payload(TrainingDeleted.class).getWorkoutId()));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<BindableService> grpcServices() {
    return List.of(new TelemetryIngestHandler(ingest));
  }

  @Override
  public void close() {
    deletions.close();
    pool.shutdown();
    liveUpdates.close();
  }
}
