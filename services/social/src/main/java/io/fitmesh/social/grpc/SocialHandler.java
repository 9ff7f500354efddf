package io.fitmesh.social.grpc;

import static java.util.Objects.requireNonNull;

import io.fitmesh.platform.auth.Callers;
import io.fitmesh.platform.grpc.Paging;
import io.fitmesh.social.codec.SocialProtos;
import io.fitmesh.social.domain.Card;
import io.fitmesh.social.domain.Feeds;
import io.fitmesh.social.domain.Follow;
import io.fitmesh.social.domain.Follows;
import io.fitmesh.social.domain.Page;
import io.fitmesh.social.domain.Reactions;
import io.fitmesh.social.domain.Relationship;
import io.fitmesh.social.domain.SocialProfile;
import io.fitmesh.social.v1.*;
import io.grpc.stub.StreamObserver;
import java.util.List;

/**
 * SocialService: the caller from the token (recorded as known to social), then the use case, then the mapping
 * back. Page tokens are opaque; page sizes are checked.
 */
public final class SocialHandler extends SocialServiceGrpc.SocialServiceImplBase {
  private final Follows follows;
  private final Feeds feeds;
  private final Reactions reactions;

  public SocialHandler(Follows follows, Feeds feeds, Reactions reactions) {
    this.follows = requireNonNull(follows, "follows");
    this.feeds = requireNonNull(feeds, "feeds");
    this.reactions = requireNonNull(reactions, "reactions");
  }

  private String caller() {
    String athleteId = Callers.athleteId();
    follows.know(athleteId);
    return athleteId;
  }

  @Override
  public void follow(FollowRequest request, StreamObserver<FollowResponse> responses) {
    reply(responses, FollowResponse.newBuilder()
        .setState(SocialProtos.toProto(follows.follow(caller(), request.getAthleteId()))).build());
  }

  @Override
  public void unfollow(UnfollowRequest request, StreamObserver<UnfollowResponse> responses) {
    follows.unfollow(caller(), request.getAthleteId());
    reply(responses, UnfollowResponse.getDefaultInstance());
  }

  @Override
  public void respondToFollowRequest(RespondToFollowRequestRequest request,
      StreamObserver<RespondToFollowRequestResponse> responses) {
    reply(responses, RespondToFollowRequestResponse.newBuilder().setState(SocialProtos.toProto(
        follows.respond(caller(), request.getFollowerId(), request.getApprove()))).build());
  }

  @Override
  public void listFollowers(ListFollowersRequest request, StreamObserver<ListFollowersResponse> responses) {
    Page<Follow> page = follows.followers(caller(), request.getAthleteId(), request.getRequests(),
        Paging.position(request.getPageToken()), Paging.pageSize(request.getPageSize(), 50, 200));
    reply(responses, ListFollowersResponse.newBuilder()
        .addAllFollowers(page.items().stream().map(f -> SocialProtos.edge(f, true)).toList())
        .setNextPageToken(token(page)).build());
  }

  @Override
  public void listFollowing(ListFollowingRequest request, StreamObserver<ListFollowingResponse> responses) {
    Page<Follow> page = follows.following(caller(), request.getAthleteId(), Paging.position(request.getPageToken()),
        Paging.pageSize(request.getPageSize(), 50, 200));
    reply(responses, ListFollowingResponse.newBuilder()
        .addAllFollowing(page.items().stream().map(f -> SocialProtos.edge(f, false)).toList())
        .setNextPageToken(token(page)).build());
  }

  @Override
  public void block(BlockRequest request, StreamObserver<BlockResponse> responses) {
    follows.block(caller(), request.getAthleteId());
    reply(responses, BlockResponse.getDefaultInstance());
  }

  @Override
  public void unblock(UnblockRequest request, StreamObserver<UnblockResponse> responses) {
    follows.unblock(caller(), request.getAthleteId());
    reply(responses, UnblockResponse.getDefaultInstance());
  }

  @Override
  public void getRelationship(GetRelationshipRequest request, StreamObserver<GetRelationshipResponse> responses) {
    Relationship r = follows.relationship(Callers.athleteId(), request.getAthleteId());
    reply(responses, GetRelationshipResponse.newBuilder().setFollowing(SocialProtos.toProto(r.following()))
        .setFollowedBy(SocialProtos.toProto(r.followedBy())).setBlocked(r.blocked()).build());
  }

  @Override
  public void getSocialProfile(GetSocialProfileRequest request, StreamObserver<GetSocialProfileResponse> responses) {
    SocialProfile p = follows.profile(caller(), request.getAthleteId());
    reply(responses, GetSocialProfileResponse.newBuilder().setAthleteId(p.athleteId())
        .setPrivateAccount(p.privateAccount()).setFollowerCount(p.followerCount())
        .setFollowingCount(p.followingCount()).setFollowing(SocialProtos.toProto(p.viewerFollows())).build());
  }

  @Override
  public void updateSocialProfile(UpdateSocialProfileRequest request,
      StreamObserver<UpdateSocialProfileResponse> responses) {
    reply(responses, UpdateSocialProfileResponse.newBuilder()
        .setPrivateAccount(follows.setPrivate(caller(), request.getPrivateAccount())).build());
  }

  @Override
  public void setPrivacyZones(SetPrivacyZonesRequest request, StreamObserver<SetPrivacyZonesResponse> responses) {
    reply(responses, SetPrivacyZonesResponse.newBuilder().addAllZones(follows.setZones(caller(),
        SocialProtos.zones(request.getZonesList())).stream().map(SocialProtos::toProto).toList()).build());
  }

  @Override
  public void getPrivacyZones(GetPrivacyZonesRequest request, StreamObserver<GetPrivacyZonesResponse> responses) {
    Callers.athleteId();
    reply(responses, GetPrivacyZonesResponse.newBuilder().addAllZones(follows.zones(request.getAthleteId()).stream()
        .map(SocialProtos::toProto).toList()).build());
  }

  @Override
  public void getHomeFeed(GetHomeFeedRequest request, StreamObserver<GetHomeFeedResponse> responses) {
    Page<Card> page = feeds.home(caller(), Paging.position(request.getPageToken()),
        Paging.pageSize(request.getPageSize(), 20, 50));
    reply(responses, GetHomeFeedResponse.newBuilder().addAllCards(cards(page.items()))
        .setNextPageToken(token(page)).build());
  }

  @Override
  public void listAthleteActivities(ListAthleteActivitiesRequest request,
      StreamObserver<ListAthleteActivitiesResponse> responses) {
    String viewer = caller();
    Page<Card> page = feeds.ofAuthor(viewer, athleteOrCaller(request.getAthleteId(), viewer),
        Paging.position(request.getPageToken()), Paging.pageSize(request.getPageSize(), 20, 50));
    reply(responses, ListAthleteActivitiesResponse.newBuilder().addAllCards(cards(page.items()))
        .setNextPageToken(token(page)).build());
  }

  @Override
  public void getActivityCards(GetActivityCardsRequest request, StreamObserver<GetActivityCardsResponse> responses) {
    if (request.getWorkoutIdsCount() > 100) {
      throw io.fitmesh.platform.errors.DomainException.invalidArgument("workout_ids", "at most 100 workout ids");
    }
    reply(responses, GetActivityCardsResponse.newBuilder()
        .addAllCards(cards(feeds.cards(Callers.athleteId(), request.getWorkoutIdsList()))).build());
  }

  @Override
  public void giveKudos(GiveKudosRequest request, StreamObserver<GiveKudosResponse> responses) {
    reply(responses, GiveKudosResponse.newBuilder()
        .setKudosCount(reactions.giveKudos(caller(), request.getWorkoutId())).build());
  }

  @Override
  public void takeBackKudos(TakeBackKudosRequest request, StreamObserver<TakeBackKudosResponse> responses) {
    reply(responses, TakeBackKudosResponse.newBuilder()
        .setKudosCount(reactions.takeBackKudos(caller(), request.getWorkoutId())).build());
  }

  @Override
  public void addComment(AddCommentRequest request, StreamObserver<AddCommentResponse> responses) {
    reply(responses, AddCommentResponse.newBuilder().setComment(SocialProtos.toProto(reactions.addComment(caller(),
        request.getWorkoutId(), request.getText(), request.getRequestId()))).build());
  }

  @Override
  public void deleteComment(DeleteCommentRequest request, StreamObserver<DeleteCommentResponse> responses) {
    reactions.deleteComment(caller(), request.getWorkoutId(), request.getCommentId());
    reply(responses, DeleteCommentResponse.getDefaultInstance());
  }

  @Override
  public void listComments(ListCommentsRequest request, StreamObserver<ListCommentsResponse> responses) {
    var page = reactions.comments(caller(), request.getWorkoutId(), Paging.position(request.getPageToken()),
        Paging.pageSize(request.getPageSize(), 50, 100));
    reply(responses, ListCommentsResponse.newBuilder()
        .addAllComments(page.items().stream().map(SocialProtos::toProto).toList())
        .setNextPageToken(token(page)).build());
  }

  @Override
  public void filterAudience(FilterAudienceRequest request, StreamObserver<FilterAudienceResponse> responses) {
    reply(responses, FilterAudienceResponse.newBuilder()
        .addAllAthleteIds(follows.audienceOf(Callers.athleteId(), request.getAthleteIdsList())).build());
  }

  /** "me" or empty means the caller. */
  static String athleteOrCaller(String athleteId, String caller) {
    return athleteId.isEmpty() || athleteId.equals("me") ? caller : athleteId;
  }

  private static List<ActivityCard> cards(List<Card> cards) {
    return cards.stream().map(SocialProtos::toProto).toList();
  }

  private static String token(Page<?> page) {
    return page.next() == null ? "" : Paging.token(page.next());
  }

  private static <T> void reply(StreamObserver<T> responses, T response) {
    responses.onNext(response);
    responses.onCompleted();
  }
}
