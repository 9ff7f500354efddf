package io.fitmesh.telemetry;

import static java.util.Objects.requireNonNull;

import io.fitmesh.platform.events.EventSubscription;
import io.fitmesh.platform.runtime.PlatformRuntime;
import io.fitmesh.platform.server.FitmeshService;
import io.fitmesh.telemetry.adapters.EventBusLiveUpdates;
import io.fitmesh.telemetry.adapters.GrpcWorkoutAccess;
import io.fitmesh.telemetry.adapters.OtelIngestStages;
import io.fitmesh.telemetry.domain.IngestService;
import io.fitmesh.telemetry.domain.IngestStages;
import io.fitmesh.telemetry.domain.LiveTracker;
import io.fitmesh.telemetry.events.ClosedWorkoutsConsumer;
import io.fitmesh.telemetry.events.DeletedWorkoutsConsumer;
import io.fitmesh.telemetry.grpc.TelemetryIngestHandler;
import io.fitmesh.training.v1.TrainingServiceGrpc.TrainingServiceBlockingStub;
import io.grpc.BindableService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The telemetry deployable: TelemetryIngestService. Samples and cursors in CQL (keyspace fitmesh_telemetry) or
 * in memory; publishes training.updated (FITMESH_LIVE_UPDATE_INTERVAL per workout); consumes training.deleted
 * (subscription "telemetry") to purge a deleted workout's samples. Records each batch's stage timings as the
 * metric {@value OtelIngestStages#METRIC}.
 */
public final class TelemetryDeployable implements FitmeshService {
  public static final String NAME = "telemetry";
  /** Wearables stream their samples here themselves and ask where to resume; the rest is for services. */
  public static final Set<String> PUBLIC_METHODS = Set.of(
      "fitmesh.telemetry.v1.TelemetryIngestService/StreamSamples",
      "fitmesh.telemetry.v1.TelemetryIngestService/GetIngestCursor");
  /** A wearable's stream lasts the whole workout: no limit in total (each message is still held to 1 MiB). */
  public static final Map<String, Long> REQUEST_LIMITS =
      Map.of("/fitmesh.telemetry.v1.TelemetryIngestService/StreamSamples", 0L);
  private static final int INGEST_THREADS = 32;

  private final ExecutorService pool;
  private final EventBusLiveUpdates liveUpdates;
  private final IngestStages stages;
  private final IngestService ingest;
  private final List<EventSubscription> subscriptions;

  public TelemetryDeployable(PlatformRuntime runtime) {
    requireNonNull(runtime, "runtime");
    TelemetrySettings settings = TelemetrySettings.from(runtime.config());
    TelemetryBackends backends = TelemetryBackends.open(runtime);
    AtomicInteger threads = new AtomicInteger();
    pool = Executors.newFixedThreadPool(INGEST_THREADS, r -> {
      Thread t = new Thread(r, "telemetry-ingest-" + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    liveUpdates = new EventBusLiveUpdates(runtime.events());
    stages = new OtelIngestStages(runtime.openTelemetry());
    ingest = new IngestService(backends.samples(), backends.cursors(),
        new GrpcWorkoutAccess(runtime.services().stub("training", TrainingServiceBlockingStub.class)),
        new LiveTracker(liveUpdates, settings.liveUpdateInterval(), runtime.clock()), runtime.clock(), pool, stages);
    List<EventSubscription> all = new ArrayList<>(new ClosedWorkoutsConsumer(ingest).subscribe(runtime));
    all.add(new DeletedWorkoutsConsumer(ingest).subscribe(runtime, NAME));
    subscriptions = List.copyOf(all);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<BindableService> grpcServices() {
    return List.of(new TelemetryIngestHandler(ingest, stages));
  }

  @Override
  public Set<String> publicMethods() {
    return PUBLIC_METHODS;
  }

  @Override
  public Map<String, Long> requestLimits() {
    return REQUEST_LIMITS;
  }

  @Override
  public void close() {
    subscriptions.forEach(EventSubscription::close);
    pool.shutdown();
    liveUpdates.close();
  }
}
