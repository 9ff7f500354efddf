package io.fitmesh.challenge.grpc;

import static java.util.Objects.requireNonNull;

import io.fitmesh.challenge.codec.ChallengeProtos;
import io.fitmesh.challenge.domain.ChallengePage;
import io.fitmesh.challenge.domain.ChallengeService;
import io.fitmesh.challenge.v1.ChallengeServiceGrpc;
import io.fitmesh.challenge.v1.ClearFlaggedWorkoutRequest;
import io.fitmesh.challenge.v1.ClearFlaggedWorkoutResponse;
import io.fitmesh.challenge.v1.CreateChallengeRequest;
import io.fitmesh.challenge.v1.CreateChallengeResponse;
import io.fitmesh.challenge.v1.GetChallengeRequest;
import io.fitmesh.challenge.v1.GetChallengeResponse;
import io.fitmesh.challenge.v1.GetMyProgressRequest;
import io.fitmesh.challenge.v1.GetMyProgressResponse;
import io.fitmesh.challenge.v1.JoinChallengeRequest;
import io.fitmesh.challenge.v1.JoinChallengeResponse;
import io.fitmesh.challenge.v1.LeaveChallengeRequest;
import io.fitmesh.challenge.v1.LeaveChallengeResponse;
import io.fitmesh.challenge.v1.ListChallengesRequest;
import io.fitmesh.challenge.v1.ListChallengesResponse;
import io.fitmesh.challenge.domain.LeaderboardQueries;
import io.fitmesh.platform.auth.Callers;
import io.fitmesh.platform.errors.DomainException;
import io.fitmesh.platform.grpc.Paging;
import io.grpc.stub.StreamObserver;

/** ChallengeService: the caller from the token, then the use case, then the mapping back. */
public final class ChallengeHandler extends ChallengeServiceGrpc.ChallengeServiceImplBase {
  private final ChallengeService challenges;
  private final LeaderboardQueries boards;

  public ChallengeHandler(ChallengeService challenges, LeaderboardQueries boards) {
    this.challenges = requireNonNull(challenges, "challenges");
    this.boards = requireNonNull(boards, "boards");
  }

  @Override
  public void createChallenge(CreateChallengeRequest request, StreamObserver<CreateChallengeResponse> responses) {
    String caller = Callers.athleteId();
    if (!request.hasChallenge()) {
      throw DomainException.invalidArgument("challenge", "challenge is required");
    }
    if (request.getRequestId().length() > 100) {
      throw DomainException.invalidArgument("request_id", "request_id must be at most 100 characters");
    }
    reply(responses, CreateChallengeResponse.newBuilder().setChallenge(ChallengeProtos.toProto(
        challenges.create(caller, ChallengeProtos.draft(request.getChallenge()), request.getRequestId()))).build());
  }

  @Override
  public void getChallenge(GetChallengeRequest request, StreamObserver<GetChallengeResponse> responses) {
    Callers.athleteId();
    var challenge = challenges.get(request.getChallengeId());
    reply(responses, GetChallengeResponse.newBuilder().setChallenge(ChallengeProtos.toProto(challenge))
        .setParticipantCount(boards.size(challenge.challengeId())).build());
  }

  @Override
  public void listChallenges(ListChallengesRequest request, StreamObserver<ListChallengesResponse> responses) {
    String caller = Callers.athleteId();
    int size = Paging.pageSize(request.getPageSize(), 20, 100);
    ChallengePage page = request.getGroupId().isEmpty()
        ? challenges.list(caller, ChallengeProtos.filter(request.getFilter()), size,
            Paging.position(request.getPageToken()))
        : challenges.listForClub(caller, request.getGroupId(), size, Paging.position(request.getPageToken()));
    ListChallengesResponse.Builder b = ListChallengesResponse.newBuilder();
    page.challenges().forEach(c -> b.addChallenges(ChallengeProtos.toProto(c)));
    if (page.next() != null) {
      b.setNextPageToken(Paging.token(page.next()));
    }
    reply(responses, b.build());
  }

  @Override
  public void joinChallenge(JoinChallengeRequest request, StreamObserver<JoinChallengeResponse> responses) {
    String caller = Callers.athleteId();
    reply(responses, JoinChallengeResponse.newBuilder()
        .setProgress(ChallengeProtos.toProto(challenges.join(caller, request.getChallengeId()))).build());
  }

  @Override
  public void leaveChallenge(LeaveChallengeRequest request, StreamObserver<LeaveChallengeResponse> responses) {
    challenges.leave(Callers.athleteId(), request.getChallengeId());
    reply(responses, LeaveChallengeResponse.getDefaultInstance());
  }

  @Override
  public void getMyProgress(GetMyProgressRequest request, StreamObserver<GetMyProgressResponse> responses) {
    String caller = Callers.athleteId();
    reply(responses, GetMyProgressResponse.newBuilder()
        .setProgress(ChallengeProtos.toProto(challenges.progress(caller, request.getChallengeId()))).build());
  }

  @Override
  public void clearFlaggedWorkout(ClearFlaggedWorkoutRequest request,
      StreamObserver<ClearFlaggedWorkoutResponse> responses) {
    String caller = Callers.athleteId();
    reply(responses, ClearFlaggedWorkoutResponse.newBuilder().setProgress(ChallengeProtos.toProto(
        challenges.clearFlagged(caller, request.getChallengeId(), request.getAthleteId(), request.getWorkoutId())))
        .build());
  }

  static <T> void reply(StreamObserver<T> responses, T response) {
    responses.onNext(response);
    responses.onCompleted();
  }
}
