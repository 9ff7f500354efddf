package io.fitmesh.bff.grpc;

import io.fitmesh.bff.v1.GetChallengeParticipationRequest;
import io.fitmesh.bff.v1.GetChallengeParticipationResponse;
import io.fitmesh.training.v1.AnalyticsServiceGrpc.AnalyticsServiceBlockingStub;

import static java.util.Objects.requireNonNull;

import io.fitmesh.bff.v1.ClearFlaggedWorkoutRequest;
import io.fitmesh.bff.v1.ClearFlaggedWorkoutResponse;
import io.fitmesh.bff.v1.CreateChallengeRequest;
import io.fitmesh.bff.v1.CreateChallengeResponse;
import io.fitmesh.bff.v1.GetChallengeRequest;
import io.fitmesh.bff.v1.GetChallengeResponse;
import io.fitmesh.bff.v1.GetLeaderboardRequest;
import io.fitmesh.bff.v1.GetLeaderboardResponse;
import io.fitmesh.bff.v1.GetMyProgressRequest;
import io.fitmesh.bff.v1.GetMyProgressResponse;
import io.fitmesh.bff.v1.GetRankRequest;
import io.fitmesh.bff.v1.GetRankResponse;
import io.fitmesh.bff.v1.JoinChallengeRequest;
import io.fitmesh.bff.v1.JoinChallengeResponse;
import io.fitmesh.bff.v1.LeaveChallengeRequest;
import io.fitmesh.bff.v1.LeaveChallengeResponse;
import io.fitmesh.bff.v1.ListChallengesRequest;
import io.fitmesh.bff.v1.ListChallengesResponse;
import io.fitmesh.bff.v1.MobileChallengeServiceGrpc;
import io.fitmesh.bff.v1.WatchLeaderboardRequest;
import io.fitmesh.bff.v1.WatchLeaderboardResponse;
import io.fitmesh.challenge.v1.ChallengeServiceGrpc.ChallengeServiceBlockingStub;
import io.fitmesh.challenge.v1.LeaderboardServiceGrpc.LeaderboardServiceBlockingStub;
import io.fitmesh.challenge.v1.LeaderboardServiceGrpc.LeaderboardServiceStub;
import io.fitmesh.platform.errors.ErrorMapper;
import io.fitmesh.platform.grpc.LatestOnlyStream;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.function.Supplier;

/**
 * The mobile challenge API: each call goes to the challenge service with the caller's token; its status codes
 * reach the app unchanged. A watch is relayed upstream and coalesced again towards a slow phone.
 */
public final class MobileChallengeHandler extends MobileChallengeServiceGrpc.MobileChallengeServiceImplBase {
  private final Supplier<ChallengeServiceBlockingStub> challenges;
  private final Supplier<LeaderboardServiceBlockingStub> boards;
  private final Supplier<LeaderboardServiceStub> watches;
  private final Supplier<AnalyticsServiceBlockingStub> analytics;

  public MobileChallengeHandler(Supplier<ChallengeServiceBlockingStub> challenges,
      Supplier<LeaderboardServiceBlockingStub> boards, Supplier<LeaderboardServiceStub> watches,
      Supplier<AnalyticsServiceBlockingStub> analytics) {
    this.challenges = requireNonNull(challenges, "challenges");
    this.boards = requireNonNull(boards, "boards");
    this.watches = requireNonNull(watches, "watches");
    this.analytics = requireNonNull(analytics, "analytics");
  }

  @Override
  public void getChallengeParticipation(GetChallengeParticipationRequest request,
      StreamObserver<GetChallengeParticipationResponse> responses) {
    reply(responses, GetChallengeParticipationResponse.newBuilder().setParticipation(analytics.get()
        .getChallengeParticipation(io.fitmesh.training.v1.GetChallengeParticipationRequest.newBuilder()
            .setChallengeId(request.getChallengeId()).build())).build());
  }

  @Override
  public void createChallenge(CreateChallengeRequest request, StreamObserver<CreateChallengeResponse> responses) {
    var created = challenges.get().createChallenge(io.fitmesh.challenge.v1.CreateChallengeRequest.newBuilder()
        .setChallenge(request.getChallenge()).setRequestId(request.getRequestId()).build());
    reply(responses, CreateChallengeResponse.newBuilder().setChallenge(created.getChallenge()).build());
  }

  @Override
  public void listChallenges(ListChallengesRequest request, StreamObserver<ListChallengesResponse> responses) {
    var page = challenges.get().listChallenges(io.fitmesh.challenge.v1.ListChallengesRequest.newBuilder()
        .setFilter(request.getFilter()).setPageSize(request.getPageSize()).setPageToken(request.getPageToken())
        .build());
    reply(responses, ListChallengesResponse.newBuilder().addAllChallenges(page.getChallengesList())
        .setNextPageToken(page.getNextPageToken()).build());
  }

  @Override
  public void getChallenge(GetChallengeRequest request, StreamObserver<GetChallengeResponse> responses) {
    var found = challenges.get().getChallenge(io.fitmesh.challenge.v1.GetChallengeRequest.newBuilder()
        .setChallengeId(request.getChallengeId()).build());
    reply(responses, GetChallengeResponse.newBuilder().setChallenge(found.getChallenge())
        .setParticipantCount(found.getParticipantCount()).build());
  }

  @Override
  public void joinChallenge(JoinChallengeRequest request, StreamObserver<JoinChallengeResponse> responses) {
    var joined = challenges.get().joinChallenge(io.fitmesh.challenge.v1.JoinChallengeRequest.newBuilder()
        .setChallengeId(request.getChallengeId()).build());
    reply(responses, JoinChallengeResponse.newBuilder().setProgress(joined.getProgress()).build());
  }

  @Override
  public void leaveChallenge(LeaveChallengeRequest request, StreamObserver<LeaveChallengeResponse> responses) {
    challenges.get().leaveChallenge(io.fitmesh.challenge.v1.LeaveChallengeRequest.newBuilder()
        .setChallengeId(request.getChallengeId()).build());
    reply(responses, LeaveChallengeResponse.getDefaultInstance());
  }

  @Override
  public void getMyProgress(GetMyProgressRequest request, StreamObserver<GetMyProgressResponse> responses) {
    var progress = challenges.get().getMyProgress(io.fitmesh.challenge.v1.GetMyProgressRequest.newBuilder()
        .setChallengeId(request.getChallengeId()).build());
    reply(responses, GetMyProgressResponse.newBuilder().setProgress(progress.getProgress()).build());
  }

  @Override
  public void clearFlaggedWorkout(ClearFlaggedWorkoutRequest request,
      StreamObserver<ClearFlaggedWorkoutResponse> responses) {
    var cleared = challenges.get().clearFlaggedWorkout(io.fitmesh.challenge.v1.ClearFlaggedWorkoutRequest
        .newBuilder().setChallengeId(request.getChallengeId()).setAthleteId(request.getAthleteId())
        .setWorkoutId(request.getWorkoutId()).build());
    reply(responses, ClearFlaggedWorkoutResponse.newBuilder().setProgress(cleared.getProgress()).build());
  }

  @Override
  public void getLeaderboard(GetLeaderboardRequest request, StreamObserver<GetLeaderboardResponse> responses) {
    var page = boards.get().getLeaderboard(io.fitmesh.challenge.v1.GetLeaderboardRequest.newBuilder()
        .setChallengeId(request.getChallengeId()).setPageSize(request.getPageSize())
        .setPageToken(request.getPageToken()).build());
    reply(responses, GetLeaderboardResponse.newBuilder().addAllEntries(page.getEntriesList())
        .setNextPageToken(page.getNextPageToken()).setParticipantCount(page.getParticipantCount()).build());
  }

  @Override
  public void getRank(GetRankRequest request, StreamObserver<GetRankResponse> responses) {
    var rank = boards.get().getRank(io.fitmesh.challenge.v1.GetRankRequest.newBuilder()
        .setChallengeId(request.getChallengeId()).setNeighbours(request.getNeighbours()).build());
    reply(responses, GetRankResponse.newBuilder().setMe(rank.getMe()).addAllAbove(rank.getAboveList())
        .addAllBelow(rank.getBelowList()).setParticipantCount(rank.getParticipantCount()).build());
  }

  @Override
  public void watchLeaderboard(WatchLeaderboardRequest request,
      StreamObserver<WatchLeaderboardResponse> responses) {
    ServerCallStreamObserver<WatchLeaderboardResponse> call =
        (ServerCallStreamObserver<WatchLeaderboardResponse>) responses;
    LatestOnlyStream<WatchLeaderboardResponse> stream = new LatestOnlyStream<>(call);
    watches.get().watchLeaderboard(io.fitmesh.challenge.v1.WatchLeaderboardRequest.newBuilder()
        .setChallengeId(request.getChallengeId()).setTop(request.getTop()).build(),
        new ClientResponseObserver<io.fitmesh.challenge.v1.WatchLeaderboardRequest,
            io.fitmesh.challenge.v1.WatchLeaderboardResponse>() {
          @Override
          public void beforeStart(
              ClientCallStreamObserver<io.fitmesh.challenge.v1.WatchLeaderboardRequest> upstream) {
            call.setOnCancelHandler(() -> upstream.cancel("the app stopped watching", null));
          }

          @Override
          public void onNext(io.fitmesh.challenge.v1.WatchLeaderboardResponse view) {
            WatchLeaderboardResponse.Builder b = WatchLeaderboardResponse.newBuilder().addAllTop(view.getTopList())
                .setParticipantCount(view.getParticipantCount()).setAsOf(view.getAsOf());
            if (view.hasMe()) {
              b.setMe(view.getMe());
            }
            stream.send(b.build());
          }

          @Override
          public void onError(Throwable t) {
            if (!call.isCancelled()) {
              call.onError(ErrorMapper.toStatusException(t));
            }
          }

          @Override
          public void onCompleted() {
            stream.complete();
          }
        });
  }

  private static <T> void reply(StreamObserver<T> responses, T response) {
    responses.onNext(response);
    responses.onCompleted();
  }
}
