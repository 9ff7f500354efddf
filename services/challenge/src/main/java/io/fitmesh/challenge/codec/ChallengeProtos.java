package io.fitmesh.challenge.codec;

import com.google.type.Date;
import io.fitmesh.challenge.domain.Challenge;
import io.fitmesh.challenge.domain.ChallengeFilter;
import io.fitmesh.challenge.domain.ClearedWorkout;
import io.fitmesh.challenge.domain.Contribution;
import io.fitmesh.challenge.domain.FinishedWorkout;
import io.fitmesh.challenge.domain.GoalKind;
import io.fitmesh.challenge.domain.PlausibilityFlag;
import io.fitmesh.challenge.domain.Progress;
import io.fitmesh.challenge.domain.RankedEntry;
import io.fitmesh.challenge.domain.Region;
import io.fitmesh.challenge.domain.Sport;
import io.fitmesh.challenge.v1.ChallengeProgress;
import io.fitmesh.challenge.v1.ChallengeWorkout;
import io.fitmesh.challenge.v1.LeaderboardEntry;
import io.fitmesh.common.v1.LatLng;
import io.fitmesh.platform.errors.DomainException;
import io.fitmesh.platform.grpc.ProtoTime;
import io.fitmesh.training.v1.Workout;
import io.fitmesh.training.v1.WorkoutSummary;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Between the challenge protos (and training's Workout) and the domain. */
public final class ChallengeProtos {
  private ChallengeProtos() {}

  /** A challenge as a client drafts it; INVALID_ARGUMENT for fields that cannot be read at all. */
  public static Challenge draft(io.fitmesh.challenge.v1.Challenge c) {
    return toDomain(c, true);
  }

  /** A stored challenge. */
  public static Challenge toDomain(io.fitmesh.challenge.v1.Challenge c) {
    return toDomain(c, false);
  }

  private static Challenge toDomain(io.fitmesh.challenge.v1.Challenge c, boolean draft) {
    GoalKind kind = switch (c.getGoalKind()) {
      case GOAL_KIND_TOTAL_DISTANCE -> GoalKind.TOTAL_DISTANCE;
      case GOAL_KIND_TOTAL_MOVING_TIME -> GoalKind.TOTAL_MOVING_TIME;
      case GOAL_KIND_TOTAL_ELEVATION_GAIN -> GoalKind.TOTAL_ELEVATION_GAIN;
      case GOAL_KIND_WORKOUT_COUNT -> GoalKind.WORKOUT_COUNT;
      case GOAL_KIND_FASTEST_EFFORT -> GoalKind.FASTEST_EFFORT;
      default -> throw DomainException.invalidArgument("goal_kind", "goal_kind is required");
    };
    Set<Sport> sports = EnumSet.noneOf(Sport.class);
    for (io.fitmesh.common.v1.Sport s : c.getSportsList()) {
      sports.add(sport(s));
    }
    Region region = c.hasRegionCenter() ? new Region(c.getRegionCenter().getLatitudeDeg(),
        c.getRegionCenter().getLongitudeDeg(), c.getRegionRadiusKm()) : null;
    return new Challenge(c.getChallengeId(), c.getTitle(), c.getDescription(), kind, c.getGoalTarget(),
        c.getEffortDistanceM(), sports, date("start_date", c.getStartDate()), date("end_date", c.getEndDate()),
        zone(c.getTimeZone()), region, c.getGroupId(), draft ? "" : c.getCreatorId(),
        draft ? null : ProtoTime.toInstant(c.getCreateTime()));
  }

  public static io.fitmesh.challenge.v1.Challenge toProto(Challenge c) {
    io.fitmesh.challenge.v1.Challenge.Builder b = io.fitmesh.challenge.v1.Challenge.newBuilder()
        .setChallengeId(c.challengeId())
        .setTitle(c.title())
        .setDescription(c.description() == null ? "" : c.description())
        .setGoalKind(io.fitmesh.challenge.v1.GoalKind.forNumber(c.goalKind().ordinal() + 1))
        .setGoalTarget(c.goalTarget())
        .setEffortDistanceM(c.effortDistanceM())
        .setStartDate(date(c.startDate()))
        .setEndDate(date(c.endDate()))
        .setTimeZone(c.timeZone().getId())
        .setStartTime(ProtoTime.toTimestamp(c.startTime()))
        .setEndTime(ProtoTime.toTimestamp(c.endTime()))
        .setGroupId(c.groupId() == null ? "" : c.groupId())
        .setCreatorId(c.creatorId())
        .setCreateTime(ProtoTime.toTimestamp(c.createTime()));
    c.sports().stream().sorted().forEach(s -> b.addSports(sport(s)));
    if (c.region() != null) {
      b.setRegionCenter(LatLng.newBuilder().setLatitudeDeg(c.region().latitudeDeg())
          .setLongitudeDeg(c.region().longitudeDeg())).setRegionRadiusKm(c.region().radiusKm());
    }
    return b.build();
  }

  public static ChallengeFilter filter(io.fitmesh.challenge.v1.ChallengeFilter f) {
    return switch (f) {
      case CHALLENGE_FILTER_JOINED -> ChallengeFilter.JOINED;
      case CHALLENGE_FILTER_UPCOMING -> ChallengeFilter.UPCOMING;
      default -> ChallengeFilter.ACTIVE;
    };
  }

  /** What challenges need of a finished workout; null when it has no summary. */
  public static FinishedWorkout finished(Workout w) {
    if (!w.hasSummary()) {
      return null;
    }
    WorkoutSummary s = w.getSummary();
    Map<Double, Double> efforts = new HashMap<>();
    s.getBestEffortsList().forEach(e -> efforts.put(e.getDistanceM(), e.getElapsedS()));
    boolean positioned = s.hasStartPosition();
    return new FinishedWorkout(w.getWorkoutId(), w.getAthleteId(), sport(w.getSport()),
        ProtoTime.toInstant(w.getStartTime()), ProtoTime.toInstant(s.getEndTime()), s.getDistanceM(),
        s.getMovingS(), s.getElevationGainM(), efforts,
        positioned ? s.getStartPosition().getLatitudeDeg() : Double.NaN,
        positioned ? s.getStartPosition().getLongitudeDeg() : Double.NaN,
        s.getPlausibilityFlagsList().stream().map(f -> new PlausibilityFlag(f.getRule(), f.getReason())).toList());
  }

  public static ChallengeWorkout toProto(Contribution c) {
    ChallengeWorkout.Builder b = ChallengeWorkout.newBuilder()
        .setWorkoutId(c.workoutId())
        .setValue(c.value())
        .setDistanceM(c.distanceM())
        .setEndTime(ProtoTime.toTimestamp(c.endTime()))
        .setCounted(c.counted())
        .setCleared(c.cleared());
    c.flags().forEach(f -> b.addFlags(io.fitmesh.training.v1.PlausibilityFlag.newBuilder()
        .setRule(f.rule()).setReason(f.reason())));
    return b.build();
  }

  public static Contribution toDomain(ChallengeWorkout w) {
    return new Contribution(w.getWorkoutId(), w.getValue(), w.getDistanceM(), ProtoTime.toInstant(w.getEndTime()),
        w.getFlagsList().stream().map(f -> new PlausibilityFlag(f.getRule(), f.getReason())).toList(),
        w.getCleared());
  }

  public static ChallengeProgress toProto(Progress p) {
    ChallengeProgress.Builder b = ChallengeProgress.newBuilder()
        .setChallengeId(p.challenge().challengeId())
        .setAthleteId(p.participant().athleteId())
        .setScore(p.participant().score().value())
        .setGoalReached(p.goalReached())
        .setRank(p.rank())
        .setJoinTime(ProtoTime.toTimestamp(p.participant().joinTime()));
    p.workouts().forEach(w -> b.addWorkouts(toProto(w)));
    return b.build();
  }

  /**
   * A board entry as {@code viewerId} may see it: anyone's place and score, but when the score was reached (which
   * tells when a workout ended, whatever its visibility) only for the viewer's own entry.
   */
  public static LeaderboardEntry toProto(RankedEntry e, String viewerId) {
    LeaderboardEntry.Builder b = LeaderboardEntry.newBuilder()
        .setRank(e.rank())
        .setAthleteId(e.athleteId())
        .setScore(e.score().value());
    if (e.athleteId().equals(viewerId)) {
      b.setReachedTime(ProtoTime.toTimestamp(e.score().reachedTime()));
    }
    return b.build();
  }

  /** A cleared workout as its challenge's creator sees it: the one workout, now counted, the score and place. */
  public static ChallengeProgress toProto(ClearedWorkout cleared) {
    return ChallengeProgress.newBuilder()
        .setChallengeId(cleared.challengeId())
        .setAthleteId(cleared.athleteId())
        .setScore(cleared.score())
        .setRank(cleared.rank())
        .addWorkouts(ChallengeWorkout.newBuilder().setWorkoutId(cleared.workoutId()).setCounted(true).setCleared(true))
        .build();
  }

  static Sport sport(io.fitmesh.common.v1.Sport s) {
    return switch (s) {
      case SPORT_RUN -> Sport.RUN;
      case SPORT_RIDE -> Sport.RIDE;
      case SPORT_WALK -> Sport.WALK;
      case SPORT_HIKE -> Sport.HIKE;
      case SPORT_SWIM -> Sport.SWIM;
      case SPORT_VIRTUAL_RIDE -> Sport.VIRTUAL_RIDE;
      case SPORT_OTHER -> Sport.OTHER;
      default -> throw DomainException.invalidArgument("sports", "sport " + s + " is not a sport");
    };
  }

  static io.fitmesh.common.v1.Sport sport(Sport s) {
    return switch (s) {
      case RUN -> io.fitmesh.common.v1.Sport.SPORT_RUN;
      case RIDE -> io.fitmesh.common.v1.Sport.SPORT_RIDE;
      case WALK -> io.fitmesh.common.v1.Sport.SPORT_WALK;
      case HIKE -> io.fitmesh.common.v1.Sport.SPORT_HIKE;
      case SWIM -> io.fitmesh.common.v1.Sport.SPORT_SWIM;
      case VIRTUAL_RIDE -> io.fitmesh.common.v1.Sport.SPORT_VIRTUAL_RIDE;
      case OTHER -> io.fitmesh.common.v1.Sport.SPORT_OTHER;
    };
  }

  private static LocalDate date(String field, Date d) {
    try {
      return LocalDate.of(d.getYear(), d.getMonth(), d.getDay());
    } catch (DateTimeException e) {
      throw DomainException.invalidArgument(field, field + " is not a date");
    }
  }

  private static Date date(LocalDate d) {
    return Date.newBuilder().setYear(d.getYear()).setMonth(d.getMonthValue()).setDay(d.getDayOfMonth()).build();
  }

  private static ZoneId zone(String timeZone) {
    try {
      return ZoneId.of(timeZone);
    } catch (DateTimeException e) {
      throw DomainException.invalidArgument("time_zone", "time_zone '" + timeZone + "' is not an IANA zone");
    }
  }
}
