package io.fitmesh.bff.grpc;

import static io.fitmesh.bff.grpc.MobileSocialHandler.reply;
import static java.util.Objects.requireNonNull;

import io.fitmesh.bff.v1.AcceptRecommendationRequest;
import io.fitmesh.bff.v1.AcceptRecommendationResponse;
import io.fitmesh.bff.v1.CreateGearRequest;
import io.fitmesh.bff.v1.CreateGearResponse;
import io.fitmesh.bff.v1.DismissRecommendationRequest;
import io.fitmesh.bff.v1.DismissRecommendationResponse;
import io.fitmesh.bff.v1.GetProfileRequest;
import io.fitmesh.bff.v1.GetProfileResponse;
import io.fitmesh.bff.v1.GetRecommendationsRequest;
import io.fitmesh.bff.v1.GetRecommendationsResponse;
import io.fitmesh.bff.v1.ListGearRequest;
import io.fitmesh.bff.v1.ListGearResponse;
import io.fitmesh.bff.v1.MobileRecoServiceGrpc;
import io.fitmesh.bff.v1.UpdateGearRequest;
import io.fitmesh.bff.v1.UpdateGearResponse;
import io.fitmesh.bff.v1.UpdateProfileRequest;
import io.fitmesh.bff.v1.UpdateProfileResponse;
import io.fitmesh.reco.v1.GetRecoProfileRequest;
import io.fitmesh.reco.v1.RecommendationServiceGrpc.RecommendationServiceBlockingStub;
import io.fitmesh.reco.v1.UpdateRecoProfileRequest;
import io.grpc.stub.StreamObserver;
import java.util.function.Supplier;

/** The mobile recommendations API: each call goes to the recommendation service. */
public final class MobileRecoHandler extends MobileRecoServiceGrpc.MobileRecoServiceImplBase {
  private final Supplier<RecommendationServiceBlockingStub> reco;

  public MobileRecoHandler(Supplier<RecommendationServiceBlockingStub> reco) {
    this.reco = requireNonNull(reco, "reco");
  }

  @Override
  public void getRecommendations(GetRecommendationsRequest request,
      StreamObserver<GetRecommendationsResponse> responses) {
    var r = reco.get().getRecommendations(io.fitmesh.reco.v1.GetRecommendationsRequest.newBuilder()
        .setTimeZone(request.getTimeZone()).build());
    reply(responses, GetRecommendationsResponse.newBuilder().setRecommendations(r.getRecommendations()).build());
  }

  @Override
  public void dismissRecommendation(DismissRecommendationRequest request,
      StreamObserver<DismissRecommendationResponse> responses) {
    reco.get().dismissRecommendation(io.fitmesh.reco.v1.DismissRecommendationRequest.newBuilder()
        .setRecommendationId(request.getRecommendationId()).build());
    reply(responses, DismissRecommendationResponse.getDefaultInstance());
  }

  @Override
  public void acceptRecommendation(AcceptRecommendationRequest request,
      StreamObserver<AcceptRecommendationResponse> responses) {
    reco.get().acceptRecommendation(io.fitmesh.reco.v1.AcceptRecommendationRequest.newBuilder()
        .setRecommendationId(request.getRecommendationId()).build());
    reply(responses, AcceptRecommendationResponse.getDefaultInstance());
  }

  @Override
  public void getProfile(GetProfileRequest request, StreamObserver<GetProfileResponse> responses) {
    var r = reco.get().getRecoProfile(GetRecoProfileRequest.getDefaultInstance());
    reply(responses, GetProfileResponse.newBuilder().setProfile(r.getProfile()).build());
  }

  @Override
  public void updateProfile(UpdateProfileRequest request, StreamObserver<UpdateProfileResponse> responses) {
    var r = reco.get().updateRecoProfile(UpdateRecoProfileRequest.newBuilder().setProfile(request.getProfile()).build());
    reply(responses, UpdateProfileResponse.newBuilder().setProfile(r.getProfile()).build());
  }

  @Override
  public void createGear(CreateGearRequest request, StreamObserver<CreateGearResponse> responses) {
    var r = reco.get().createGear(io.fitmesh.reco.v1.CreateGearRequest.newBuilder().setGear(request.getGear())
        .setRequestId(request.getRequestId()).build());
    reply(responses, CreateGearResponse.newBuilder().setGear(r.getGear()).build());
  }

  @Override
  public void listGear(ListGearRequest request, StreamObserver<ListGearResponse> responses) {
    var r = reco.get().listGear(io.fitmesh.reco.v1.ListGearRequest.getDefaultInstance());
    reply(responses, ListGearResponse.newBuilder().addAllGear(r.getGearList()).build());
  }

  @Override
  public void updateGear(UpdateGearRequest request, StreamObserver<UpdateGearResponse> responses) {
    var r = reco.get().updateGear(io.fitmesh.reco.v1.UpdateGearRequest.newBuilder()
        .setGear(request.getGear().toBuilder().setGearId(request.getGearId())).setUpdateMask(request.getUpdateMask())
        .build());
    reply(responses, UpdateGearResponse.newBuilder().setGear(r.getGear()).build());
  }
}
