package io.fitmesh.bff;

import static java.util.Objects.requireNonNull;

import io.fitmesh.bff.grpc.MobileChallengeHandler;
import io.fitmesh.bff.grpc.MobileClubHandler;
import io.fitmesh.bff.grpc.MobileAdminHandler;
import io.fitmesh.bff.grpc.MobileNotificationHandler;
import io.fitmesh.bff.grpc.MobileRecoHandler;
import io.fitmesh.bff.grpc.MobileSocialHandler;
import io.fitmesh.group.v1.GroupServiceGrpc.GroupServiceBlockingStub;
import io.fitmesh.notification.v1.NotificationServiceGrpc.NotificationServiceBlockingStub;
import io.fitmesh.notification.v1.NotificationServiceGrpc.NotificationServiceStub;
import io.fitmesh.social.v1.SocialServiceGrpc.SocialServiceBlockingStub;
import io.fitmesh.bff.grpc.MobileWorkoutHandler;
import io.fitmesh.challenge.v1.ChallengeServiceGrpc.ChallengeServiceBlockingStub;
import io.fitmesh.challenge.v1.LeaderboardServiceGrpc.LeaderboardServiceBlockingStub;
import io.fitmesh.challenge.v1.LeaderboardServiceGrpc.LeaderboardServiceStub;
import io.fitmesh.bff.live.LiveWorkouts;
import io.fitmesh.platform.limits.WorkoutLimits;
import io.fitmesh.platform.runtime.PlatformRuntime;
import io.fitmesh.platform.server.FitmeshService;
import io.fitmesh.telemetry.v1.TelemetryIngestServiceGrpc.TelemetryIngestServiceBlockingStub;
import io.fitmesh.training.v1.AnalyticsServiceGrpc.AnalyticsServiceBlockingStub;
import io.fitmesh.training.v1.TrainingServiceGrpc.TrainingServiceBlockingStub;
import io.fitmesh.promo.v1.PromoServiceGrpc.PromoServiceBlockingStub;
import io.fitmesh.reco.v1.RecommendationServiceGrpc.RecommendationServiceBlockingStub;
import io.grpc.BindableService;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The bff deployable: MobileWorkoutService, MobileChallengeService, MobileSocialService, MobileClubService and
 * MobileNotificationService (HTTP/JSON under /v1, gRPC-Web, native gRPC) on one port. Calls
 * the services with the caller's token; follows training.updated and training.completed for live tracking.
 */
public final class BffDeployable implements FitmeshService {
  public static final String NAME = "bff";

  private final LiveWorkouts live;
  private final MobileWorkoutHandler workouts;
  private final MobileChallengeHandler challenges;
  private final MobileSocialHandler social;
  private final MobileClubHandler clubs;
  private final MobileNotificationHandler notifications;
  private final MobileRecoHandler reco;
  private final MobileAdminHandler admin;

  public BffDeployable(PlatformRuntime runtime) {
    requireNonNull(runtime, "runtime");
    this.live = new LiveWorkouts(runtime.events(), BffSettings.from(runtime.config()));
    this.workouts = new MobileWorkoutHandler(
        runtime.services().stub("training", TrainingServiceBlockingStub.class),
        runtime.services().stub("telemetry", TelemetryIngestServiceBlockingStub.class),
        runtime.services().stub("training", AnalyticsServiceBlockingStub.class),
        runtime.services().stub("social", SocialServiceBlockingStub.class),
        live);
    this.challenges = new MobileChallengeHandler(
        runtime.services().stub("challenge", ChallengeServiceBlockingStub.class),
        runtime.services().stub("challenge", LeaderboardServiceBlockingStub.class),
        runtime.services().streamingStub("challenge", LeaderboardServiceStub.class),
        runtime.services().stub("training", AnalyticsServiceBlockingStub.class));
    this.social = new MobileSocialHandler(runtime.services().stub("social", SocialServiceBlockingStub.class));
    this.clubs = new MobileClubHandler(runtime.services().stub("group", GroupServiceBlockingStub.class),
        runtime.services().stub("challenge", ChallengeServiceBlockingStub.class));
    this.notifications = new MobileNotificationHandler(
        runtime.services().stub("notification", NotificationServiceBlockingStub.class),
        runtime.services().streamingStub("notification", NotificationServiceStub.class));
    this.reco = new MobileRecoHandler(runtime.services().stub("reco", RecommendationServiceBlockingStub.class));
    this.admin = new MobileAdminHandler(runtime.services().stub("promo", PromoServiceBlockingStub.class));
  }

  @Override
  public String name() {
    return NAME;
  }

  /** The mobile API is the BFF's whole purpose. */
  @Override
  public Set<String> publicMethods() {
    return Set.of("fitmesh.bff.v1.MobileWorkoutService/*", "fitmesh.bff.v1.MobileChallengeService/*",
        "fitmesh.bff.v1.MobileSocialService/*", "fitmesh.bff.v1.MobileClubService/*",
        "fitmesh.bff.v1.MobileNotificationService/*", "fitmesh.bff.v1.MobileRecoService/*",
        "fitmesh.bff.v1.MobileAdminService/*");
  }

  /** An import carries a whole file. */
  @Override
  public Map<String, Long> requestLimits() {
    return Map.of("/fitmesh.bff.v1.MobileWorkoutService/ImportWorkout", WorkoutLimits.MAX_IMPORT_REQUEST_BYTES,
        "^/v1/workouts:import$", WorkoutLimits.MAX_IMPORT_REQUEST_BYTES);
  }

  @Override
  public void close() {
    live.close();
  }

  @Override
  public List<BindableService> grpcServices() {
    return List.of(workouts, challenges, social, clubs, notifications, reco, admin);
  }
}
