package io.fitmesh.reco.grpc;

import static java.util.Objects.requireNonNull;

import io.fitmesh.platform.auth.Callers;
import io.fitmesh.platform.errors.ErrorMapper;
import io.fitmesh.reco.codec.RecoProtos;
import io.fitmesh.reco.domain.Gear;
import io.fitmesh.reco.domain.GearLocker;
import io.fitmesh.reco.domain.Recommender;
import io.fitmesh.reco.v1.AcceptRecommendationRequest;
import io.fitmesh.reco.v1.AcceptRecommendationResponse;
import io.fitmesh.reco.v1.CreateGearRequest;
import io.fitmesh.reco.v1.CreateGearResponse;
import io.fitmesh.reco.v1.DismissRecommendationRequest;
import io.fitmesh.reco.v1.DismissRecommendationResponse;
import io.fitmesh.reco.v1.GetRecoProfileRequest;
import io.fitmesh.reco.v1.GetRecoProfileResponse;
import io.fitmesh.reco.v1.GetRecommendationsRequest;
import io.fitmesh.reco.v1.GetRecommendationsResponse;
import io.fitmesh.reco.v1.ListGearRequest;
import io.fitmesh.reco.v1.ListGearResponse;
import io.fitmesh.reco.v1.RecoProfile;
import io.fitmesh.reco.v1.RecommendationServiceGrpc;
import io.fitmesh.reco.v1.UpdateGearRequest;
import io.fitmesh.reco.v1.UpdateGearResponse;
import io.fitmesh.reco.v1.UpdateRecoProfileRequest;
import io.fitmesh.reco.v1.UpdateRecoProfileResponse;
import io.grpc.stub.StreamObserver;

/**
 * RecommendationService: the caller's screen, feedback, region and gear. The screen is answered when its offers
 * are in, without holding a thread meanwhile: promo and commerce may share this server's pool.
 */
public final class RecommendationHandler extends RecommendationServiceGrpc.RecommendationServiceImplBase {
  private final Recommender recommender;
  private final GearLocker gear;

  public RecommendationHandler(Recommender recommender, GearLocker gear) {
    this.recommender = requireNonNull(recommender, "recommender");
    this.gear = requireNonNull(gear, "gear");
  }

  @Override
  public void getRecommendations(GetRecommendationsRequest request,
      StreamObserver<GetRecommendationsResponse> responses) {
    recommender.screen(Callers.athleteId(), request.getTimeZone())
        .thenApply(screen -> GetRecommendationsResponse.newBuilder().setRecommendations(RecoProtos.toProto(screen))
            .build())
        .whenComplete((response, failure) -> {
          if (failure != null) {
            responses.onError(ErrorMapper.toStatusException(failure));
          } else {
            reply(responses, response);
          }
        });
  }

  @Override
  public void dismissRecommendation(DismissRecommendationRequest request,
      StreamObserver<DismissRecommendationResponse> responses) {
    recommender.dismiss(Callers.athleteId(), request.getRecommendationId());
    reply(responses, DismissRecommendationResponse.getDefaultInstance());
  }

  @Override
  public void acceptRecommendation(AcceptRecommendationRequest request,
      StreamObserver<AcceptRecommendationResponse> responses) {
    recommender.accept(Callers.athleteId(), request.getRecommendationId());
    reply(responses, AcceptRecommendationResponse.getDefaultInstance());
  }

  @Override
  public void getRecoProfile(GetRecoProfileRequest request, StreamObserver<GetRecoProfileResponse> responses) {
    reply(responses, GetRecoProfileResponse.newBuilder().setProfile(RecoProfile.newBuilder()
        .setRegion(recommender.region(Callers.athleteId()).orElse(""))).build());
  }

  @Override
  public void updateRecoProfile(UpdateRecoProfileRequest request, StreamObserver<UpdateRecoProfileResponse> responses) {
    String region = recommender.setRegion(Callers.athleteId(), request.getProfile().getRegion());
    reply(responses, UpdateRecoProfileResponse.newBuilder().setProfile(RecoProfile.newBuilder().setRegion(region))
        .build());
  }

  @Override
  public void createGear(CreateGearRequest request, StreamObserver<CreateGearResponse> responses) {
    String athleteId = Callers.athleteId();
    Gear created = gear.create(athleteId, RecoProtos.gear(request.getGear(), athleteId), request.getRequestId());
    reply(responses, CreateGearResponse.newBuilder().setGear(RecoProtos.toProto(created)).build());
  }

  @Override
  public void listGear(ListGearRequest request, StreamObserver<ListGearResponse> responses) {
    ListGearResponse.Builder response = ListGearResponse.newBuilder();
    gear.list(Callers.athleteId()).forEach(g -> response.addGear(RecoProtos.toProto(g)));
    reply(responses, response.build());
  }

  @Override
  public void updateGear(UpdateGearRequest request, StreamObserver<UpdateGearResponse> responses) {
    String athleteId = Callers.athleteId();
    Gear updated = gear.update(athleteId, RecoProtos.gear(request.getGear(), athleteId),
        RecoProtos.fields(request.getUpdateMask()));
    reply(responses, UpdateGearResponse.newBuilder().setGear(RecoProtos.toProto(updated)).build());
  }

  private static <T> void reply(StreamObserver<T> responses, T response) {
    responses.onNext(response);
    responses.onCompleted();
  }
}
