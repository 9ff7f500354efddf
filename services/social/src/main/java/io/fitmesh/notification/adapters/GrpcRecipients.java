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
import io.fitmesh.social.v1.FilterAudienceRequest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Recipients asked of the social and group services on behalf of the workout's athlete: their followers and the
 * members of their clubs that are small enough to notify and may see the athlete's workouts (social filters out
 * blocks, and non-followers of a private account).
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
          Set<String> members = new LinkedHashSet<>();
          String clubs = "";
          do {
            ListClubsResponse page = groups.get().listClubs(ListClubsRequest.newBuilder()
                .setFilter(ClubFilter.CLUB_FILTER_MINE).setPageSize(100).setPageToken(clubs).build());
            for (Club club : page.getClubsList()) {
              if (club.getMemberCount() <= maxClubMembers) {
                addMembers(club.getClubId(), members);
              }
            }
            clubs = page.getNextPageToken();
          } while (!clubs.isEmpty());
          members.removeAll(all);
          all.addAll(maySee(new ArrayList<>(members)));
        }
      } catch (StatusRuntimeException e) {
        throw ErrorMapper.fromDownstream(e, "social or group service");
      }
      all.remove(athleteId);
      return all;
    });
  }

  /** The club members the athlete's workouts may reach: not blocked, and followers of a private account only. */
  private List<String> maySee(List<String> members) {
    List<String> shown = new ArrayList<>();
    for (int i = 0; i < members.size(); i += 5000) {
      shown.addAll(social.get().filterAudience(FilterAudienceRequest.newBuilder()
          .addAllAthleteIds(members.subList(i, Math.min(members.size(), i + 5000))).build()).getAthleteIdsList());
    }
    return shown;
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
