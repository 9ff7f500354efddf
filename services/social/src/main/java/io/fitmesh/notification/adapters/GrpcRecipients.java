package io.fitmesh.notification.adapters;

import static java.util.Objects.requireNonNull;

import io.fitmesh.group.v1.Club;
import io.fitmesh.group.v1.ClubFilter;
import io.fitmesh.group.v1.ClubMember;
import io.fitmesh.group.v1.GroupServiceGrpc.GroupServiceBlockingStub;
import io.fitmesh.group.v1.ListClubsRequest;
import io.fitmesh.group.v1.ListClubsResponse;
import io.fitmesh.group.v1.ListMembersRequest;
import io.fitmesh.group.v1.ListMembersResponse;
import io.fitmesh.notification.domain.Recipients;
import io.fitmesh.platform.auth.Callers;
import io.fitmesh.platform.errors.ErrorMapper;
import io.fitmesh.social.v1.FollowEdge;
import io.fitmesh.social.v1.ListFollowersRequest;
import io.fitmesh.social.v1.ListFollowersResponse;
import io.fitmesh.social.v1.SocialServiceGrpc.SocialServiceBlockingStub;
import io.grpc.StatusRuntimeException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Recipients asked of the social and group services on behalf of the workout's athlete: their followers and the
 * members of their clubs that are small enough to notify.
 */
public final class GrpcRecipients implements Recipients {
  private final Supplier<SocialServiceBlockingStub> social;
  private final Supplier<GroupServiceBlockingStub> groups;

  public GrpcRecipients(Supplier<SocialServiceBlockingStub> social, Supplier<GroupServiceBlockingStub> groups) {
    this.social = requireNonNull(social, "social");
    this.groups = requireNonNull(groups, "groups");
  }

  @Override
  public Set<String> ofWorkout(String athleteId, int maxFollowers, boolean clubsToo, int maxClubMembers) {
    return Callers.onBehalfOf(athleteId, () -> {
      Set<String> all = new LinkedHashSet<>();
      try {
        String token = "";
        do {
          ListFollowersResponse page = social.get().listFollowers(ListFollowersRequest.newBuilder()
              .setAthleteId(athleteId).setPageSize(200).setPageToken(token).build());
          page.getFollowersList().stream().map(FollowEdge::getAthleteId).forEach(all::add);
          token = page.getNextPageToken();
        } while (!token.isEmpty() && all.size() <= maxFollowers);
        if (all.size() > maxFollowers) {
          all.clear();
        }
        if (clubsToo) {
          String clubs = "";
          do {
            ListClubsResponse page = groups.get().listClubs(ListClubsRequest.newBuilder()
                .setFilter(ClubFilter.CLUB_FILTER_MINE).setPageSize(100).setPageToken(clubs).build());
            for (Club club : page.getClubsList()) {
              if (club.getMemberCount() <= maxClubMembers) {
                addMembers(club.getClubId(), all);
              }
            }
            clubs = page.getNextPageToken();
          } while (!clubs.isEmpty());
        }
      } catch (StatusRuntimeException e) {
        throw ErrorMapper.fromDownstream(e, "social or group service");
      }
      all.remove(athleteId);
      return all;
    });
  }

  private void addMembers(String clubId, Set<String> all) {
    String token = "";
    do {
      ListMembersResponse page = groups.get().listMembers(ListMembersRequest.newBuilder().setClubId(clubId)
          .setPageSize(200).setPageToken(token).build());
      page.getMembersList().stream().map(ClubMember::getAthleteId).forEach(all::add);
      token = page.getNextPageToken();
    } while (!token.isEmpty());
  }
}
