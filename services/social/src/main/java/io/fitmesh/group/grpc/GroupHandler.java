package io.fitmesh.group.grpc;

import static java.util.Objects.requireNonNull;

import io.fitmesh.group.codec.GroupProtos;
import io.fitmesh.group.domain.Club;
import io.fitmesh.group.domain.ClubView;
import io.fitmesh.group.domain.ClubWeek;
import io.fitmesh.group.domain.Clubs;
import io.fitmesh.group.domain.Membership;
import io.fitmesh.group.domain.Page;
import io.fitmesh.group.v1.*;
import io.fitmesh.platform.auth.Callers;
import io.fitmesh.platform.errors.DomainException;
import io.fitmesh.platform.errors.ErrorMapper;
import io.fitmesh.platform.grpc.Paging;
import io.fitmesh.social.v1.GetActivityCardsRequest;
import io.fitmesh.social.v1.SocialServiceGrpc.SocialServiceBlockingStub;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * GroupService: the caller from the token, then the use case, then the mapping back. The club feed's cards come
 * from the social service for the caller, so a member's workout shows only as its visibility allows.
 */
public final class GroupHandler extends GroupServiceGrpc.GroupServiceImplBase {
  private final Clubs clubs;
  private final Supplier<SocialServiceBlockingStub> social;

  public GroupHandler(Clubs clubs, Supplier<SocialServiceBlockingStub> social) {
    this.clubs = requireNonNull(clubs, "clubs");
    this.social = requireNonNull(social, "social");
  }

  @Override
  public void createClub(CreateClubRequest request, StreamObserver<CreateClubResponse> responses) {
    String caller = Callers.athleteId();
    if (!request.hasClub()) {
      throw DomainException.invalidArgument("club", "club is required");
    }
    Club club = clubs.create(caller, GroupProtos.draft(request.getClub()), request.getRequestId());
    reply(responses, CreateClubResponse.newBuilder().setClub(GroupProtos.toProto(club,
        clubs.get(caller, club.clubId()).memberCount())).build());
  }

  @Override
  public void getClub(GetClubRequest request, StreamObserver<GetClubResponse> responses) {
    ClubView view = clubs.get(Callers.athleteId(), request.getClubId());
    GetClubResponse.Builder reply = GetClubResponse.newBuilder()
        .setClub(GroupProtos.toProto(view.club(), view.memberCount()))
        .setMembership(GroupProtos.state(view.membership()));
    view.membership().filter(Membership::isMember).ifPresent(m -> reply.setRole(GroupProtos.role(m.role())));
    reply(responses, reply.build());
  }

  @Override
  public void listClubs(ListClubsRequest request, StreamObserver<ListClubsResponse> responses) {
    String caller = Callers.athleteId();
    int size = Paging.pageSize(request.getPageSize(), 20, 100);
    String after = Paging.position(request.getPageToken());
    Page<Club> page = request.getFilter() == ClubFilter.CLUB_FILTER_PUBLIC ? clubs.publicClubs(after, size)
        : clubs.mine(caller, after, size);
    reply(responses, ListClubsResponse.newBuilder()
        .addAllClubs(page.items().stream().map(c -> GroupProtos.toProto(c, clubs.get(caller, c.clubId())
            .memberCount())).toList())
        .setNextPageToken(token(page)).build());
  }

  @Override
  public void joinClub(JoinClubRequest request, StreamObserver<JoinClubResponse> responses) {
    Membership m = clubs.join(Callers.athleteId(), request.getClubId());
    reply(responses, JoinClubResponse.newBuilder().setMembership(GroupProtos.state(Optional.of(m))).build());
  }

  @Override
  public void leaveClub(LeaveClubRequest request, StreamObserver<LeaveClubResponse> responses) {
    clubs.leave(Callers.athleteId(), request.getClubId());
    reply(responses, LeaveClubResponse.getDefaultInstance());
  }

  @Override
  public void listMembers(ListMembersRequest request, StreamObserver<ListMembersResponse> responses) {
    Page<Membership> page = clubs.members(Callers.athleteId(), request.getClubId(),
        Paging.position(request.getPageToken()), Paging.pageSize(request.getPageSize(), 50, 200));
    reply(responses, ListMembersResponse.newBuilder()
        .addAllMembers(page.items().stream().map(GroupProtos::toProto).toList())
        .setNextPageToken(token(page)).build());
  }

  @Override
  public void listJoinRequests(ListJoinRequestsRequest request, StreamObserver<ListJoinRequestsResponse> responses) {
    Page<Membership> page = clubs.requests(Callers.athleteId(), request.getClubId(),
        Paging.position(request.getPageToken()), Paging.pageSize(request.getPageSize(), 50, 200));
    reply(responses, ListJoinRequestsResponse.newBuilder()
        .addAllRequests(page.items().stream().map(GroupProtos::toProto).toList())
        .setNextPageToken(token(page)).build());
  }

  @Override
  public void respondToJoinRequest(RespondToJoinRequestRequest request,
      StreamObserver<RespondToJoinRequestResponse> responses) {
    Optional<Membership> m = clubs.respond(Callers.athleteId(), request.getClubId(), request.getAthleteId(),
        request.getApprove());
    reply(responses, RespondToJoinRequestResponse.newBuilder().setMembership(GroupProtos.state(m)).build());
  }

  @Override
  public void setMemberRole(SetMemberRoleRequest request, StreamObserver<SetMemberRoleResponse> responses) {
    Membership m = clubs.setRole(Callers.athleteId(), request.getClubId(), request.getAthleteId(),
        GroupProtos.role(request.getRole()));
    reply(responses, SetMemberRoleResponse.newBuilder().setMember(GroupProtos.toProto(m)).build());
  }

  @Override
  public void getClubFeed(GetClubFeedRequest request, StreamObserver<GetClubFeedResponse> responses) {
    Page<String> page = clubs.feed(Callers.athleteId(), request.getClubId(), Paging.position(request.getPageToken()),
        Paging.pageSize(request.getPageSize(), 20, 50));
    GetClubFeedResponse.Builder reply = GetClubFeedResponse.newBuilder().setNextPageToken(token(page));
    if (!page.items().isEmpty()) {
      try {
        reply.addAllCards(social.get().getActivityCards(GetActivityCardsRequest.newBuilder()
            .addAllWorkoutIds(page.items()).build()).getCardsList());
      } catch (StatusRuntimeException e) {
        throw ErrorMapper.fromDownstream(e, "social service");
      }
    }
    reply(responses, reply.build());
  }

  @Override
  public void getClubStats(GetClubStatsRequest request, StreamObserver<GetClubStatsResponse> responses) {
    int leaders = Paging.pageSize(request.getLeaders(), 10, 100);
    List<ClubWeek> weeks = clubs.stats(Callers.athleteId(), request.getClubId(), leaders);
    reply(responses, GetClubStatsResponse.newBuilder().setThisWeek(GroupProtos.toProto(weeks.get(0)))
        .setLastWeek(GroupProtos.toProto(weeks.get(1))).build());
  }

  @Override
  public void getMembership(GetMembershipRequest request, StreamObserver<GetMembershipResponse> responses) {
    String caller = Callers.athleteId();
    String athlete = request.getAthleteId().isEmpty() ? caller : request.getAthleteId();
    Optional<Membership> m = clubs.membership(request.getClubId(), athlete);
    GetMembershipResponse.Builder reply = GetMembershipResponse.newBuilder().setMembership(GroupProtos.state(m));
    m.filter(Membership::isMember).ifPresent(x -> reply.setRole(GroupProtos.role(x.role())));
    reply(responses, reply.build());
  }

  private static String token(Page<?> page) {
    return page.next() == null ? "" : Paging.token(page.next());
  }

  private static <T> void reply(StreamObserver<T> responses, T response) {
    responses.onNext(response);
    responses.onCompleted();
  }
}
