package io.fitmesh.challenge.adapters;

import static java.util.Objects.requireNonNull;

import io.fitmesh.challenge.domain.ClubMembership;
import io.fitmesh.group.v1.GetMembershipRequest;
import io.fitmesh.group.v1.GroupServiceGrpc.GroupServiceBlockingStub;
import io.fitmesh.group.v1.MembershipState;
import io.fitmesh.platform.errors.ErrorMapper;
import io.grpc.StatusRuntimeException;
import java.util.function.Supplier;

/** Club membership asked of the group service on behalf of the caller. */
public final class GrpcClubMembership implements ClubMembership {
  private final Supplier<GroupServiceBlockingStub> groups;

  public GrpcClubMembership(Supplier<GroupServiceBlockingStub> groups) {
    this.groups = requireNonNull(groups, "groups");
  }

  @Override
  public boolean isMember(String clubId, String athleteId) {
    try {
      return groups.get().getMembership(GetMembershipRequest.newBuilder().setClubId(clubId).setAthleteId(athleteId)
          .build()).getMembership() == MembershipState.MEMBERSHIP_STATE_MEMBER;
    } catch (StatusRuntimeException e) {
      throw ErrorMapper.fromDownstream(e, "group service");
    }
  }
}
