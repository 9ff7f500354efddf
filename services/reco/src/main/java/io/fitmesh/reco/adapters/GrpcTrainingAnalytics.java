package io.fitmesh.reco.adapters;

import static java.util.Objects.requireNonNull;

import io.fitmesh.platform.errors.ErrorMapper;
import io.fitmesh.reco.codec.RecoProtos;
import io.fitmesh.reco.domain.AthleteTraining;
import io.fitmesh.reco.domain.TrainingAnalytics;
import io.fitmesh.training.v1.AnalyticsServiceGrpc.AnalyticsServiceBlockingStub;
import io.fitmesh.training.v1.GetTrainingStatusRequest;
import io.grpc.StatusRuntimeException;
import java.util.function.Supplier;

/** The analytics service's GetTrainingStatus, as the athlete of the current call. */
public final class GrpcTrainingAnalytics implements TrainingAnalytics {
  private final Supplier<AnalyticsServiceBlockingStub> analytics;

  public GrpcTrainingAnalytics(Supplier<AnalyticsServiceBlockingStub> analytics) {
    this.analytics = requireNonNull(analytics, "analytics");
  }

  @Override
  public AthleteTraining training(String timeZone) {
    try {
      return RecoProtos.training(analytics.get().getTrainingStatus(GetTrainingStatusRequest.newBuilder()
          .setTimeZone(timeZone == null ? "" : timeZone).build()));
    } catch (StatusRuntimeException e) {
      throw ErrorMapper.fromDownstream(e, "analytics");
    }
  }
}
