package io.fitmesh.bff.grpc;

import static io.fitmesh.bff.grpc.MobileSocialHandler.reply;
import static java.util.Objects.requireNonNull;

import io.fitmesh.bff.v1.CreateClubRequest;
import io.fitmesh.bff.v1.CreateClubResponse;
import io.fitmesh.bff.v1.GetClubFeedRequest;
import io.fitmesh.bff.v1.GetClubFeedResponse;
import io.fitmesh.bff.v1.GetClubRequest;
import io.fitmesh.bff.v1.GetClubResponse;
import io.fitmesh.bff.v1.GetClubStatsRequest;
import io.fitmesh.bff.v1.GetClubStatsResponse;
import io.fitmesh.bff.v1.JoinClubRequest;
import io.fitmesh.bff.v1.JoinClubResponse;
import io.fitmesh.bff.v1.LeaveClubRequest;
import io.fitmesh.bff.v1.LeaveClubResponse;
import io.fitmesh.bff.v1.ListClubChallengesRequest;
import io.fitmesh.bff.v1.ListClubChallengesResponse;
import io.fitmesh.bff.v1.ListClubJoinRequestsRequest;
import io.fitmesh.bff.v1.ListClubJoinRequestsResponse;
import io.fitmesh.bff.v1.ListClubMembersRequest;
import io.fitmesh.bff.v1.ListClubMembersResponse;
import io.fitmesh.bff.v1.ListClubsRequest;
import io.fitmesh.bff.v1.ListClubsResponse;
import io.fitmesh.bff.v1.MobileClubServiceGrpc;
import io.fitmesh.bff.v1.RespondToClubJoinRequestRequest;
import io.fitmesh.bff.v1.RespondToClubJoinRequestResponse;
import io.fitmesh.bff.v1.SetClubMemberRoleRequest;
import io.fitmesh.bff.v1.SetClubMemberRoleResponse;
import io.fitmesh.challenge.v1.ChallengeServiceGrpc.ChallengeServiceBlockingStub;
import io.fitmesh.group.v1.GroupServiceGrpc.GroupServiceBlockingStub;
import io.grpc.stub.StreamObserver;
import java.util.function.Supplier;

/** The mobile club API: each call goes to the group service (a club's challenges to the challenge service). */
public final class MobileClubHandler extends MobileClubServiceGrpc.MobileClubServiceImplBase {
  private final Supplier<GroupServiceBlockingStub> groups;
  private final Supplier<ChallengeServiceBlockingStub> challenges;

  public MobileClubHandler(Supplier<GroupServiceBlockingStub> groups, Supplier<ChallengeServiceBlockingStub> challenges) {
    this.groups = requireNonNull(groups, "groups");
    this.challenges = requireNonNull(challenges, "challenges");
  }

  @Override
  public void createClub(CreateClubRequest request, StreamObserver<CreateClubResponse> responses) {
    var r = groups.get().createClub(io.fitmesh.group.v1.CreateClubRequest.newBuilder().setClub(request.getClub())
        .setRequestId(request.getRequestId()).build());
    reply(responses, CreateClubResponse.newBuilder().setClub(r.getClub()).build());
  }

  @Override
  public void listClubs(ListClubsRequest request, StreamObserver<ListClubsResponse> responses) {
    var r = groups.get().listClubs(io.fitmesh.group.v1.ListClubsRequest.newBuilder().setFilter(request.getFilter())
        .setPageSize(request.getPageSize()).setPageToken(request.getPageToken()).build());
    reply(responses, ListClubsResponse.newBuilder().addAllClubs(r.getClubsList())
        .setNextPageToken(r.getNextPageToken()).build());
  }

  @Override
  public void getClub(GetClubRequest request, StreamObserver<GetClubResponse> responses) {
    var r = groups.get().getClub(io.fitmesh.group.v1.GetClubRequest.newBuilder().setClubId(request.getClubId()).build());
    reply(responses, GetClubResponse.newBuilder().setClub(r.getClub()).setMembership(r.getMembership())
        .setRole(r.getRole()).build());
  }

  @Override
  public void joinClub(JoinClubRequest request, StreamObserver<JoinClubResponse> responses) {
    var r = groups.get().joinClub(io.fitmesh.group.v1.JoinClubRequest.newBuilder().setClubId(request.getClubId())
        .build());
    reply(responses, JoinClubResponse.newBuilder().setMembership(r.getMembership()).build());
  }

  @Override
  public void leaveClub(LeaveClubRequest request, StreamObserver<LeaveClubResponse> responses) {
    groups.get().leaveClub(io.fitmesh.group.v1.LeaveClubRequest.newBuilder().setClubId(request.getClubId()).build());
    reply(responses, LeaveClubResponse.getDefaultInstance());
  }

  @Override
  public void listClubMembers(ListClubMembersRequest request, StreamObserver<ListClubMembersResponse> responses) {
    var r = groups.get().listMembers(io.fitmesh.group.v1.ListMembersRequest.newBuilder()
        .setClubId(request.getClubId()).setPageSize(request.getPageSize()).setPageToken(request.getPageToken()).build());
    reply(responses, ListClubMembersResponse.newBuilder().addAllMembers(r.getMembersList())
        .setNextPageToken(r.getNextPageToken()).build());
  }

  @Override
  public void listClubJoinRequests(ListClubJoinRequestsRequest request,
      StreamObserver<ListClubJoinRequestsResponse> responses) {
    var r = groups.get().listJoinRequests(io.fitmesh.group.v1.ListJoinRequestsRequest.newBuilder()
        .setClubId(request.getClubId()).setPageSize(request.getPageSize()).setPageToken(request.getPageToken()).build());
    reply(responses, ListClubJoinRequestsResponse.newBuilder().addAllRequests(r.getRequestsList())
        .setNextPageToken(r.getNextPageToken()).build());
  }

  @Override
  public void respondToClubJoinRequest(RespondToClubJoinRequestRequest request,
      StreamObserver<RespondToClubJoinRequestResponse> responses) {
    var r = groups.get().respondToJoinRequest(io.fitmesh.group.v1.RespondToJoinRequestRequest.newBuilder()
        .setClubId(request.getClubId()).setAthleteId(request.getAthleteId()).setApprove(request.getApprove()).build());
    reply(responses, RespondToClubJoinRequestResponse.newBuilder().setMembership(r.getMembership()).build());
  }

  @Override
  public void setClubMemberRole(SetClubMemberRoleRequest request, StreamObserver<SetClubMemberRoleResponse> responses) {
    var r = groups.get().setMemberRole(io.fitmesh.group.v1.SetMemberRoleRequest.newBuilder()
        .setClubId(request.getClubId()).setAthleteId(request.getAthleteId()).setRole(request.getRole()).build());
    reply(responses, SetClubMemberRoleResponse.newBuilder().setMember(r.getMember()).build());
  }

  @Override
  public void getClubFeed(GetClubFeedRequest request, StreamObserver<GetClubFeedResponse> responses) {
    var r = groups.get().getClubFeed(io.fitmesh.group.v1.GetClubFeedRequest.newBuilder()
        .setClubId(request.getClubId()).setPageSize(request.getPageSize()).setPageToken(request.getPageToken()).build());
    reply(responses, GetClubFeedResponse.newBuilder().addAllCards(r.getCardsList())
        .setNextPageToken(r.getNextPageToken()).build());
  }

  @Override
  public void getClubStats(GetClubStatsRequest request, StreamObserver<GetClubStatsResponse> responses) {
    var r = groups.get().getClubStats(io.fitmesh.group.v1.GetClubStatsRequest.newBuilder()
        .setClubId(request.getClubId()).setLeaders(request.getLeaders()).build());
    reply(responses, GetClubStatsResponse.newBuilder().setThisWeek(r.getThisWeek()).setLastWeek(r.getLastWeek())
        .build());
  }

  @Override
  public void listClubChallenges(ListClubChallengesRequest request,
      StreamObserver<ListClubChallengesResponse> responses) {
    var r = challenges.get().listChallenges(io.fitmesh.challenge.v1.ListChallengesRequest.newBuilder()
        .setGroupId(request.getClubId()).setPageSize(request.getPageSize()).setPageToken(request.getPageToken())
        .build());
    reply(responses, ListClubChallengesResponse.newBuilder().addAllChallenges(r.getChallengesList())
        .setNextPageToken(r.getNextPageToken()).build());
  }
}
