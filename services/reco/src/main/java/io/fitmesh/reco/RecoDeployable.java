package io.fitmesh.reco;

import static java.util.Objects.requireNonNull;

import io.fitmesh.platform.events.EventSubscription;
import io.fitmesh.platform.runtime.PlatformRuntime;
import io.fitmesh.platform.server.FitmeshService;
import io.fitmesh.promo.v1.PromoServiceGrpc.PromoServiceFutureStub;
import io.fitmesh.reco.adapters.BusFeedbackEvents;
import io.fitmesh.reco.adapters.GrpcOffers;
import io.fitmesh.reco.adapters.GrpcTrainingAnalytics;
import io.fitmesh.reco.domain.GearLocker;
import io.fitmesh.reco.domain.Recommender;
import io.fitmesh.reco.events.TrainingEventsConsumer;
import io.fitmesh.reco.grpc.RecommendationHandler;
import io.fitmesh.training.v1.AnalyticsServiceGrpc.AnalyticsServiceBlockingStub;
import io.grpc.BindableService;
import java.util.List;

/**
 * The reco deployable's own service: RecommendationService (the recommendations screen, feedback, region, gear).
 * Gear, regions and dismissals in CQL (keyspace fitmesh_reco) or in memory. Asks analytics (training) for the
 * athlete's training status and promo for offers; consumes training.completed and training.deleted (subscription
 * "reco") for gear distance; publishes reco.feedback. Runs with promo and commerce beside it by default
 * ({@link RecoServices}), or alone (RecoMain with FITMESH_RECO_HOSTS empty).
 */
public final class RecoDeployable implements FitmeshService {
  public static final String NAME = "reco";

  private final RecommendationHandler handler;
  private final List<EventSubscription> subscriptions;
  private final BusFeedbackEvents feedback;

  public RecoDeployable(PlatformRuntime runtime) {
    requireNonNull(runtime, "runtime");
    RecoSettings settings = RecoSettings.from(runtime.config());
    RecoBackends backends = RecoBackends.open(runtime);
    GearLocker gear = new GearLocker(backends.gear());
    feedback = new BusFeedbackEvents(runtime.events(), runtime.clock());
    Recommender recommender = new Recommender(
        new GrpcTrainingAnalytics(runtime.services().stub("training", AnalyticsServiceBlockingStub.class)),
        gear, backends.profiles(), backends.dismissals(),
        new GrpcOffers(runtime.services().stub("promo", PromoServiceFutureStub.class), settings.offersWait()),
        feedback, runtime.clock(), settings.dismissFor());
    handler = new RecommendationHandler(recommender, gear);
    subscriptions = new TrainingEventsConsumer(gear).subscribe(runtime);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<BindableService> grpcServices() {
    return List.of(handler);
  }

  @Override
  public void close() {
    subscriptions.forEach(EventSubscription::close);
    feedback.close();
  }
}
