package io.fitmesh.bff.grpc;

import static java.util.Objects.requireNonNull;

import io.fitmesh.bff.v1.AddCommentRequest;
import io.fitmesh.bff.v1.AddCommentResponse;
import io.fitmesh.bff.v1.BlockAthleteRequest;
import io.fitmesh.bff.v1.BlockAthleteResponse;
import io.fitmesh.bff.v1.DeleteCommentRequest;
import io.fitmesh.bff.v1.DeleteCommentResponse;
import io.fitmesh.bff.v1.FollowAthleteRequest;
import io.fitmesh.bff.v1.FollowAthleteResponse;
import io.fitmesh.bff.v1.GetAthleteProfileRequest;
import io.fitmesh.bff.v1.GetAthleteProfileResponse;
import io.fitmesh.bff.v1.GetFeedRequest;
import io.fitmesh.bff.v1.GetFeedResponse;
import io.fitmesh.bff.v1.GetPrivacyZonesRequest;
import io.fitmesh.bff.v1.GetPrivacyZonesResponse;
import io.fitmesh.bff.v1.GiveKudosRequest;
import io.fitmesh.bff.v1.GiveKudosResponse;
import io.fitmesh.bff.v1.ListAthleteActivitiesRequest;
import io.fitmesh.bff.v1.ListAthleteActivitiesResponse;
import io.fitmesh.bff.v1.ListCommentsRequest;
import io.fitmesh.bff.v1.ListCommentsResponse;
import io.fitmesh.bff.v1.ListFollowersRequest;
import io.fitmesh.bff.v1.ListFollowersResponse;
import io.fitmesh.bff.v1.ListFollowingRequest;
import io.fitmesh.bff.v1.ListFollowingResponse;
import io.fitmesh.bff.v1.MobileSocialServiceGrpc;
import io.fitmesh.bff.v1.RespondToFollowRequestRequest;
import io.fitmesh.bff.v1.RespondToFollowRequestResponse;
import io.fitmesh.bff.v1.SetAccountPrivacyRequest;
import io.fitmesh.bff.v1.SetAccountPrivacyResponse;
import io.fitmesh.bff.v1.SetPrivacyZonesRequest;
import io.fitmesh.bff.v1.SetPrivacyZonesResponse;
import io.fitmesh.bff.v1.TakeBackKudosRequest;
import io.fitmesh.bff.v1.TakeBackKudosResponse;
import io.fitmesh.bff.v1.UnblockAthleteRequest;
import io.fitmesh.bff.v1.UnblockAthleteResponse;
import io.fitmesh.bff.v1.UnfollowAthleteRequest;
import io.fitmesh.bff.v1.UnfollowAthleteResponse;
import io.fitmesh.platform.auth.Callers;
import io.fitmesh.social.v1.SocialServiceGrpc.SocialServiceBlockingStub;
import io.grpc.stub.StreamObserver;
import java.util.function.Supplier;

/**
 * The mobile social API: each call goes to the social service for the caller ("me" in a path is the caller);
 * its status codes reach the app unchanged.
 */
public final class MobileSocialHandler extends MobileSocialServiceGrpc.MobileSocialServiceImplBase {
  private final Supplier<SocialServiceBlockingStub> social;

  public MobileSocialHandler(Supplier<SocialServiceBlockingStub> social) {
    this.social = requireNonNull(social, "social");
  }

  /** "me" (or nothing) is the caller. */
  static String athlete(String athleteId) {
    return athleteId.isEmpty() || athleteId.equals("me") ? Callers.athleteId() : athleteId;
  }

  @Override
  public void followAthlete(FollowAthleteRequest request, StreamObserver<FollowAthleteResponse> responses) {
    var r = social.get().follow(io.fitmesh.social.v1.FollowRequest.newBuilder()
        .setAthleteId(athlete(request.getAthleteId())).build());
    reply(responses, FollowAthleteResponse.newBuilder().setState(r.getState()).build());
  }

  @Override
  public void unfollowAthlete(UnfollowAthleteRequest request, StreamObserver<UnfollowAthleteResponse> responses) {
    social.get().unfollow(io.fitmesh.social.v1.UnfollowRequest.newBuilder()
        .setAthleteId(athlete(request.getAthleteId())).build());
    reply(responses, UnfollowAthleteResponse.getDefaultInstance());
  }

  @Override
  public void blockAthlete(BlockAthleteRequest request, StreamObserver<BlockAthleteResponse> responses) {
    social.get().block(io.fitmesh.social.v1.BlockRequest.newBuilder()
        .setAthleteId(athlete(request.getAthleteId())).build());
    reply(responses, BlockAthleteResponse.getDefaultInstance());
  }

  @Override
  public void unblockAthlete(UnblockAthleteRequest request, StreamObserver<UnblockAthleteResponse> responses) {
    social.get().unblock(io.fitmesh.social.v1.UnblockRequest.newBuilder()
        .setAthleteId(athlete(request.getAthleteId())).build());
    reply(responses, UnblockAthleteResponse.getDefaultInstance());
  }

  @Override
  public void respondToFollowRequest(RespondToFollowRequestRequest request,
      StreamObserver<RespondToFollowRequestResponse> responses) {
    var r = social.get().respondToFollowRequest(io.fitmesh.social.v1.RespondToFollowRequestRequest.newBuilder()
        .setFollowerId(request.getFollowerId()).setApprove(request.getApprove()).build());
    reply(responses, RespondToFollowRequestResponse.newBuilder().setState(r.getState()).build());
  }

  @Override
  public void listFollowers(ListFollowersRequest request, StreamObserver<ListFollowersResponse> responses) {
    var r = social.get().listFollowers(io.fitmesh.social.v1.ListFollowersRequest.newBuilder()
        .setAthleteId(athlete(request.getAthleteId())).setRequests(request.getRequests())
        .setPageSize(request.getPageSize()).setPageToken(request.getPageToken()).build());
    reply(responses, ListFollowersResponse.newBuilder().addAllFollowers(r.getFollowersList())
        .setNextPageToken(r.getNextPageToken()).build());
  }

  @Override
  public void listFollowing(ListFollowingRequest request, StreamObserver<ListFollowingResponse> responses) {
    var r = social.get().listFollowing(io.fitmesh.social.v1.ListFollowingRequest.newBuilder()
        .setAthleteId(athlete(request.getAthleteId())).setPageSize(request.getPageSize())
        .setPageToken(request.getPageToken()).build());
    reply(responses, ListFollowingResponse.newBuilder().addAllFollowing(r.getFollowingList())
        .setNextPageToken(r.getNextPageToken()).build());
  }

  @Override
  public void getAthleteProfile(GetAthleteProfileRequest request, StreamObserver<GetAthleteProfileResponse> responses) {
    var r = social.get().getSocialProfile(io.fitmesh.social.v1.GetSocialProfileRequest.newBuilder()
        .setAthleteId(athlete(request.getAthleteId())).build());
    reply(responses, GetAthleteProfileResponse.newBuilder().setAthleteId(r.getAthleteId())
        .setPrivateAccount(r.getPrivateAccount()).setFollowerCount(r.getFollowerCount())
        .setFollowingCount(r.getFollowingCount()).setFollowing(r.getFollowing()).build());
  }

  @Override
  public void setAccountPrivacy(SetAccountPrivacyRequest request, StreamObserver<SetAccountPrivacyResponse> responses) {
    var r = social.get().updateSocialProfile(io.fitmesh.social.v1.UpdateSocialProfileRequest.newBuilder()
        .setPrivateAccount(request.getPrivateAccount()).build());
    reply(responses, SetAccountPrivacyResponse.newBuilder().setPrivateAccount(r.getPrivateAccount()).build());
  }

  @Override
  public void setPrivacyZones(SetPrivacyZonesRequest request, StreamObserver<SetPrivacyZonesResponse> responses) {
    var r = social.get().setPrivacyZones(io.fitmesh.social.v1.SetPrivacyZonesRequest.newBuilder()
        .addAllZones(request.getZonesList()).build());
    reply(responses, SetPrivacyZonesResponse.newBuilder().addAllZones(r.getZonesList()).build());
  }

  @Override
  public void getPrivacyZones(GetPrivacyZonesRequest request, StreamObserver<GetPrivacyZonesResponse> responses) {
    var r = social.get().getPrivacyZones(io.fitmesh.social.v1.GetPrivacyZonesRequest.newBuilder()
        .setAthleteId(Callers.athleteId()).build());
    reply(responses, GetPrivacyZonesResponse.newBuilder().addAllZones(r.getZonesList()).build());
  }

  @Override
  public void getFeed(GetFeedRequest request, StreamObserver<GetFeedResponse> responses) {
    var r = social.get().getHomeFeed(io.fitmesh.social.v1.GetHomeFeedRequest.newBuilder()
        .setPageSize(request.getPageSize()).setPageToken(request.getPageToken()).build());
    reply(responses, GetFeedResponse.newBuilder().addAllCards(r.getCardsList())
        .setNextPageToken(r.getNextPageToken()).build());
  }

  @Override
  public void listAthleteActivities(ListAthleteActivitiesRequest request,
      StreamObserver<ListAthleteActivitiesResponse> responses) {
    var r = social.get().listAthleteActivities(io.fitmesh.social.v1.ListAthleteActivitiesRequest.newBuilder()
        .setAthleteId(athlete(request.getAthleteId())).setPageSize(request.getPageSize())
        .setPageToken(request.getPageToken()).build());
    reply(responses, ListAthleteActivitiesResponse.newBuilder().addAllCards(r.getCardsList())
        .setNextPageToken(r.getNextPageToken()).build());
  }

  @Override
  public void giveKudos(GiveKudosRequest request, StreamObserver<GiveKudosResponse> responses) {
    var r = social.get().giveKudos(io.fitmesh.social.v1.GiveKudosRequest.newBuilder()
        .setWorkoutId(request.getWorkoutId()).build());
    reply(responses, GiveKudosResponse.newBuilder().setKudosCount(r.getKudosCount()).build());
  }

  @Override
  public void takeBackKudos(TakeBackKudosRequest request, StreamObserver<TakeBackKudosResponse> responses) {
    var r = social.get().takeBackKudos(io.fitmesh.social.v1.TakeBackKudosRequest.newBuilder()
        .setWorkoutId(request.getWorkoutId()).build());
    reply(responses, TakeBackKudosResponse.newBuilder().setKudosCount(r.getKudosCount()).build());
  }

  @Override
  public void addComment(AddCommentRequest request, StreamObserver<AddCommentResponse> responses) {
    var r = social.get().addComment(io.fitmesh.social.v1.AddCommentRequest.newBuilder()
        .setWorkoutId(request.getWorkoutId()).setText(request.getText()).setRequestId(request.getRequestId()).build());
    reply(responses, AddCommentResponse.newBuilder().setComment(r.getComment()).build());
  }

  @Override
  public void listComments(ListCommentsRequest request, StreamObserver<ListCommentsResponse> responses) {
    var r = social.get().listComments(io.fitmesh.social.v1.ListCommentsRequest.newBuilder()
        .setWorkoutId(request.getWorkoutId()).setPageSize(request.getPageSize()).setPageToken(request.getPageToken())
        .build());
    reply(responses, ListCommentsResponse.newBuilder().addAllComments(r.getCommentsList())
        .setNextPageToken(r.getNextPageToken()).build());
  }

  @Override
  public void deleteComment(DeleteCommentRequest request, StreamObserver<DeleteCommentResponse> responses) {
    social.get().deleteComment(io.fitmesh.social.v1.DeleteCommentRequest.newBuilder()
        .setWorkoutId(request.getWorkoutId()).setCommentId(request.getCommentId()).build());
    reply(responses, DeleteCommentResponse.getDefaultInstance());
  }

  static <T> void reply(StreamObserver<T> responses, T response) {
    responses.onNext(response);
    responses.onCompleted();
  }
}
