package io.fitmesh.group.codec;

import io.fitmesh.group.domain.Club;
import io.fitmesh.group.domain.ClubRole;
import io.fitmesh.group.domain.ClubWeek;
import io.fitmesh.group.domain.ClubWorkout;
import io.fitmesh.group.domain.Membership;
import io.fitmesh.group.v1.ClubAccess;
import io.fitmesh.group.v1.ClubLeader;
import io.fitmesh.group.v1.ClubMember;
import io.fitmesh.group.v1.MembershipState;
import io.fitmesh.platform.errors.DomainException;
import io.fitmesh.platform.grpc.ProtoTime;
import io.fitmesh.training.v1.Workout;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/** Group's protos to and from its domain, shared by handlers, consumers and adapters. */
public final class GroupProtos {
  private GroupProtos() {}

  public static io.fitmesh.group.v1.Club toProto(Club c, long memberCount) {
    return io.fitmesh.group.v1.Club.newBuilder()
        .setClubId(c.clubId())
        .setName(c.name())
        .setDescription(c.description())
        .setSport(c.sport().isEmpty() ? io.fitmesh.common.v1.Sport.SPORT_UNSPECIFIED
            : io.fitmesh.common.v1.Sport.valueOf("SPORT_" + c.sport()))
        .setAccess(c.privateClub() ? ClubAccess.CLUB_ACCESS_PRIVATE : ClubAccess.CLUB_ACCESS_PUBLIC)
        .setOwnerId(c.ownerId())
        .setTimeZone(c.timeZone().getId())
        .setMemberCount(memberCount)
        .setCreateTime(ProtoTime.toTimestamp(c.createTime()))
        .build();
  }

  /** A stored club. */
  public static Club toDomain(io.fitmesh.group.v1.Club c) {
    return new Club(c.getClubId(), c.getName(), c.getDescription(), sport(c.getSport()),
        c.getAccess() == ClubAccess.CLUB_ACCESS_PRIVATE, c.getOwnerId(), ZoneId.of(c.getTimeZone()),
        ProtoTime.toInstant(c.getCreateTime()));
  }

  /** A club as a client drafts it; INVALID_ARGUMENT for a bad zone. Ids, owner and time are the server's. */
  public static Club draft(io.fitmesh.group.v1.Club c) {
    ZoneId zone;
    try {
      zone = ZoneId.of(c.getTimeZone().isEmpty() ? "UTC" : c.getTimeZone());
    } catch (DateTimeException e) {
      throw DomainException.invalidArgument("club.time_zone", "club.time_zone is not an IANA zone");
    }
    if (c.getSport() == io.fitmesh.common.v1.Sport.UNRECOGNIZED) {
      throw DomainException.invalidArgument("club.sport", "club.sport is not a sport");
    }
    return new Club("", c.getName(), c.getDescription(), sport(c.getSport()),
        c.getAccess() == ClubAccess.CLUB_ACCESS_PRIVATE, "", zone, Instant.EPOCH);
  }

  public static ClubMember toProto(Membership m) {
    return ClubMember.newBuilder().setAthleteId(m.athleteId()).setRole(role(m.role()))
        .setJoinTime(ProtoTime.toTimestamp(m.since())).build();
  }

  public static io.fitmesh.group.v1.ClubRole role(ClubRole role) {
    return io.fitmesh.group.v1.ClubRole.valueOf("CLUB_ROLE_" + role.name());
  }

  /** ADMIN or MEMBER; INVALID_ARGUMENT otherwise. */
  public static ClubRole role(io.fitmesh.group.v1.ClubRole role) {
    return switch (role) {
      case CLUB_ROLE_ADMIN -> ClubRole.ADMIN;
      case CLUB_ROLE_MEMBER -> ClubRole.MEMBER;
      default -> throw DomainException.invalidArgument("role", "role is CLUB_ROLE_ADMIN or CLUB_ROLE_MEMBER");
    };
  }

  public static MembershipState state(Optional<Membership> m) {
    return m.map(x -> x.isMember() ? MembershipState.MEMBERSHIP_STATE_MEMBER
        : MembershipState.MEMBERSHIP_STATE_REQUESTED).orElse(MembershipState.MEMBERSHIP_STATE_NONE);
  }

  public static io.fitmesh.group.v1.ClubWeek toProto(ClubWeek w) {
    io.fitmesh.group.v1.ClubWeek.Builder b = io.fitmesh.group.v1.ClubWeek.newBuilder()
        .setWeekStart(com.google.type.Date.newBuilder().setYear(w.weekStart().getYear())
            .setMonth(w.weekStart().getMonthValue()).setDay(w.weekStart().getDayOfMonth()))
        .setDistanceM(w.distanceM()).setMovingS(w.movingS()).setElevationGainM(w.elevationGainM())
        .setWorkouts(w.workouts()).setActiveMembers(w.activeMembers());
    w.leaders().forEach(l -> b.addLeaders(ClubLeader.newBuilder().setAthleteId(l.athleteId())
        .setDistanceM(l.distanceM()).setMovingS(l.movingS()).setElevationGainM(l.elevationGainM())
        .setWorkouts(l.workouts()).setRank(l.rank())));
    return b.build();
  }

  /** A finished workout as clubs count it. */
  public static ClubWorkout workout(Workout w) {
    return new ClubWorkout(w.getWorkoutId(), w.getAthleteId(), ProtoTime.toInstant(w.getStartTime()),
        w.getSummary().getDistanceM(), w.getSummary().getMovingS(), w.getSummary().getElevationGainM(),
        w.getVisibility() != io.fitmesh.common.v1.Visibility.VISIBILITY_ONLY_ME);
  }

  private static String sport(io.fitmesh.common.v1.Sport sport) {
    return sport == io.fitmesh.common.v1.Sport.SPORT_UNSPECIFIED ? "" : sport.name().substring("SPORT_".length());
  }
}
