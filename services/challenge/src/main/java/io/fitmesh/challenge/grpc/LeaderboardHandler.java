package io.fitmesh.challenge.grpc;

import static java.util.Objects.requireNonNull;

import io.fitmesh.challenge.codec.ChallengeProtos;
import io.fitmesh.challenge.domain.BoardView;
import io.fitmesh.challenge.domain.LeaderboardQueries;
import io.fitmesh.challenge.domain.LeaderboardWatches;
import io.fitmesh.challenge.v1.GetLeaderboardRequest;
import io.fitmesh.challenge.v1.GetLeaderboardResponse;
import io.fitmesh.challenge.v1.GetRankRequest;
import io.fitmesh.challenge.v1.GetRankResponse;
import io.fitmesh.challenge.v1.LeaderboardServiceGrpc;
import io.fitmesh.challenge.v1.WatchLeaderboardRequest;
import io.fitmesh.challenge.v1.WatchLeaderboardResponse;
import io.fitmesh.platform.auth.Callers;
import io.fitmesh.platform.errors.DomainException;
import io.fitmesh.platform.grpc.LatestOnlyStream;
import io.fitmesh.platform.grpc.Paging;
import io.fitmesh.platform.grpc.ProtoTime;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;

/** LeaderboardService: reads answered from the live board; watches coalesced by {@link LeaderboardWatches}. */
public final class LeaderboardHandler extends LeaderboardServiceGrpc.LeaderboardServiceImplBase {
  private static final int MAX_OFFSET = 10_000_000;

  private final LeaderboardQueries boards;
  private final LeaderboardWatches watches;

  public LeaderboardHandler(LeaderboardQueries boards, LeaderboardWatches watches) {
    this.boards = requireNonNull(boards, "boards");
    this.watches = requireNonNull(watches, "watches");
  }

  @Override
  public void getLeaderboard(GetLeaderboardRequest request, StreamObserver<GetLeaderboardResponse> responses) {
    String viewer = Callers.athleteId();
    int size = Paging.pageSize(request.getPageSize(), 50, 200);
    long offset = offset(Paging.position(request.getPageToken()));
    var entries = boards.page(request.getChallengeId(), offset, size);
    long total = boards.size(request.getChallengeId());
    GetLeaderboardResponse.Builder b = GetLeaderboardResponse.newBuilder().setParticipantCount(total);
    entries.forEach(e -> b.addEntries(ChallengeProtos.toProto(e, viewer)));
    if (offset + size < total && entries.size() == size) {
      b.setNextPageToken(Paging.token(Long.toString(offset + size)));
    }
    ChallengeHandler.reply(responses, b.build());
  }

  @Override
  public void getRank(GetRankRequest request, StreamObserver<GetRankResponse> responses) {
    String viewer = Callers.athleteId();
    if (request.getNeighbours() < 0 || request.getNeighbours() > 50) {
      throw DomainException.invalidArgument("neighbours", "neighbours must be 0..50, got " + request.getNeighbours());
    }
    var around = boards.rank(request.getChallengeId(), viewer, request.getNeighbours());
    GetRankResponse.Builder b = GetRankResponse.newBuilder()
        .setMe(ChallengeProtos.toProto(around.me(), viewer))
        .setParticipantCount(around.participantCount());
    around.above().forEach(e -> b.addAbove(ChallengeProtos.toProto(e, viewer)));
    around.below().forEach(e -> b.addBelow(ChallengeProtos.toProto(e, viewer)));
    ChallengeHandler.reply(responses, b.build());
  }

  @Override
  public void watchLeaderboard(WatchLeaderboardRequest request,
      StreamObserver<WatchLeaderboardResponse> responses) {
    String caller = Callers.athleteId();
    int top = request.getTop() == 0 ? 10 : request.getTop();
    if (top < 1 || top > 50) {
      throw DomainException.invalidArgument("top", "top must be 1..50, got " + request.getTop());
    }
    ServerCallStreamObserver<WatchLeaderboardResponse> call =
        (ServerCallStreamObserver<WatchLeaderboardResponse>) responses;
    LatestOnlyStream<WatchLeaderboardResponse> stream = new LatestOnlyStream<>(call);
    AutoCloseable watch = watches.watch(request.getChallengeId(), caller, top,
        view -> stream.send(toProto(view, caller)));
    call.setOnCancelHandler(() -> {
      try {
        watch.close();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
  }

  private static WatchLeaderboardResponse toProto(BoardView view, String viewer) {
    WatchLeaderboardResponse.Builder b = WatchLeaderboardResponse.newBuilder()
        .setParticipantCount(view.participantCount())
        .setAsOf(ProtoTime.toTimestamp(view.asOf()));
    view.top().forEach(e -> b.addTop(ChallengeProtos.toProto(e, viewer)));
    if (view.me() != null) {
      b.setMe(ChallengeProtos.toProto(view.me(), viewer));
    }
    return b.build();
  }

  private static long offset(String position) {
    if (position == null) {
      return 0;
    }
    try {
      long offset = Long.parseLong(position);
      if (offset >= 0 && offset <= MAX_OFFSET) {
        return offset;
      }
    } catch (NumberFormatException e) {
      // falls through
    }
    throw DomainException.invalidArgument("page_token", "page_token is not one this API returned");
  }
}
