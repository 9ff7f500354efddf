package io.fitmesh.training;

import static java.util.Objects.requireNonNull;

import io.fitmesh.platform.events.EventSubscription;
import io.fitmesh.platform.events.OutboxRelay;
import io.fitmesh.platform.limits.WorkoutLimits;
import io.fitmesh.platform.runtime.PlatformRuntime;
import io.fitmesh.platform.server.FitmeshService;
import io.fitmesh.telemetry.v1.TelemetryIngestServiceGrpc.TelemetryIngestServiceBlockingStub;
import io.fitmesh.training.adapters.GrpcSampleSource;
import io.fitmesh.training.adapters.GrpcSocialGraph;
import io.fitmesh.social.v1.SocialServiceGrpc.SocialServiceBlockingStub;
import io.fitmesh.training.adapters.OutboxWorkoutEvents;
import io.fitmesh.training.analytics.domain.AnalyticsService;
import io.fitmesh.training.analytics.domain.ChallengeAnalytics;
import io.fitmesh.training.analytics.events.ChallengeEventsConsumer;
import io.fitmesh.training.analytics.events.TrainingEventsConsumer;
import io.fitmesh.training.analytics.grpc.AnalyticsHandler;
import io.fitmesh.training.domain.TrainingService;
import io.fitmesh.training.grpc.TrainingHandler;
import io.grpc.BindableService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The training deployable: TrainingService and AnalyticsService. Workouts, the outbox and analytics rows in CQL
 * (keyspace fitmesh_training) or in memory. Publishes training.completed and training.deleted through the
 * outbox (and training.changed when a finished workout's title or visibility changes); analytics consumes
 * training.completed and training.deleted, and challenge.joined, challenge.left and challenge.progress (subscription
 * "analytics").
 */
public final class TrainingDeployable implements FitmeshService {
  public static final String NAME = "training";
  private static final Duration RELAY_INTERVAL = Duration.ofSeconds(1);

  private final OutboxRelay relay;
  private final TrainingService training;
  private final AnalyticsService analytics;
  private final ChallengeAnalytics challengeStats;
  private final List<EventSubscription> subscriptions;

  public TrainingDeployable(PlatformRuntime runtime) {
    requireNonNull(runtime, "runtime");
    TrainingBackends backends = TrainingBackends.open(runtime);
    relay = new OutboxRelay(NAME, backends.outbox(), runtime.events(), RELAY_INTERVAL);
    training = new TrainingService(backends.workouts(),
        new GrpcSampleSource(runtime.services().stub("telemetry", TelemetryIngestServiceBlockingStub.class)),
        new OutboxWorkoutEvents(runtime.events(), relay),
        new GrpcSocialGraph(runtime.services().stub("social", SocialServiceBlockingStub.class), runtime.clock()),
        runtime.clock());
    analytics = new AnalyticsService(backends.analytics(), runtime.clock());
    challengeStats = new ChallengeAnalytics(backends.challengeStats(), runtime.clock());
    List<EventSubscription> all = new ArrayList<>(new TrainingEventsConsumer(analytics).subscribe(runtime));
    all.addAll(new ChallengeEventsConsumer(challengeStats).subscribe(runtime));
    subscriptions = List.copyOf(all);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<BindableService> grpcServices() {
    return List.of(new TrainingHandler(training), new AnalyticsHandler(analytics, challengeStats));
  }

  /** An import carries a whole file. */
  @Override
  public Map<String, Long> requestLimits() {
    return Map.of("/fitmesh.training.v1.TrainingService/ImportWorkout", WorkoutLimits.MAX_IMPORT_REQUEST_BYTES);
  }

  @Override
  public void close() {
    subscriptions.forEach(EventSubscription::close);
    relay.close();
  }
}
