package io.fitmesh.training;

import com.datastax.oss.driver.api.core.CqlSession;
import io.fitmesh.platform.events.EventSubscription;
import io.fitmesh.platform.events.InMemoryOutboxStore;
import io.fitmesh.platform.events.OutboxRelay;
import io.fitmesh.platform.runtime.PlatformRuntime;
import io.fitmesh.platform.server.FitmeshService;
import io.fitmesh.platform.storage.ScyllaOutboxStore;
import io.fitmesh.telemetry.v1.TelemetryIngestServiceGrpc.TelemetryIngestServiceBlockingStub;
import io.fitmesh.training.adapters.GrpcSampleSource;
import io.fitmesh.training.adapters.InMemoryWorkoutStore;
import io.fitmesh.training.adapters.OutboxWorkoutEvents;
import io.fitmesh.training.adapters.ScyllaWorkoutStore;
import io.fitmesh.training.analytics.AnalyticsService;
import io.fitmesh.training.analytics.AnalyticsStore;
import io.fitmesh.training.analytics.InMemoryAnalyticsStore;
import io.fitmesh.training.analytics.ScyllaAnalyticsStore;
import io.fitmesh.training.domain.TrainingService;
import io.fitmesh.training.domain.WorkoutStore;
import io.fitmesh.training.grpc.AnalyticsHandler;
import io.fitmesh.training.grpc.TrainingHandler;
import io.fitmesh.training.grpc.WorkoutProtos;
import io.fitmesh.training.v1.TrainingCompleted;
import io.fitmesh.training.v1.TrainingDeleted;
import io.grpc.BindableService;
import java.time.Duration;
import java.util.List;

/**
 * The training deployable: TrainingService and AnalyticsService. Workouts, the outbox and analytics rows in CQL
 * (keyspace fitmesh_training) or in memory. Publishes training.completed and training.deleted through the
 * outbox; analytics consumes both (subscription "analytics").
 */
public final class TrainingDeployable implements FitmeshService {
  public static final String NAME = "training";

  private final OutboxRelay relay;
  private final TrainingService training;
  private final AnalyticsService analytics;
  private final List<EventSubscription> subscriptions;

  public TrainingDeployable(PlatformRuntime runtime) {
    WorkoutStore workouts;
    AnalyticsStore analyticsStore;
    if (runtime.cql().isPresent()) {
      CqlSession session = runtime.cql().get();
      String keyspace = runtime.migrateCql(NAME);
      ScyllaOutboxStore outbox = new ScyllaOutboxStore(session, keyspace);
      workouts = new ScyllaWorkoutStore(session, keyspace, outbox);
      analyticsStore = new ScyllaAnalyticsStore(session, keyspace);
      relay = new OutboxRelay(NAME, outbox, runtime.events(), Duration.ofSeconds(1));
    } else {
      InMemoryOutboxStore outbox = new InMemoryOutboxStore();
      workouts = new InMemoryWorkoutStore(outbox);
      analyticsStore = new InMemoryAnalyticsStore();
      relay = new OutboxRelay(NAME, outbox, runtime.events(), Duration.ofSeconds(1));
    }
    training = new TrainingService(workouts,
        new GrpcSampleSource(runtime.services().stub("telemetry", TelemetryIngestServiceBlockingStub.class)),
        new OutboxWorkoutEvents(runtime.events(), relay), runtime.clock());
    analytics = new AnalyticsService(analyticsStore, runtime.clock());
    subscriptions = List.of(
        runtime.events().subscribe(runtime.subscription(OutboxWorkoutEvents.COMPLETED, "analytics"),
            e -> analytics.onCompleted(WorkoutProtos.toDomain(e.payload(TrainingCompleted.class).getWorkout()))),
        runtime.events().subscribe(runtime.subscription(OutboxWorkoutEvents.DELETED, "analytics"), e -> {
          TrainingDeleted deleted = e.payload(TrainingDeleted.class);
          analytics.onDeleted(deleted.getAthleteId(), deleted.getWorkoutId());
        }));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<BindableService> grpcServices() {
    return List.of(new TrainingHandler(training), new AnalyticsHandler(analytics));
  }

  @Override
  public void close() {
    subscriptions.forEach(EventSubscription::close);
    relay.close();
  }
}
