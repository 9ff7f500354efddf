package io.fitmesh.social.codec;

import io.fitmesh.platform.geo.LatLon;
import io.fitmesh.platform.geo.PrivacyZone;
import io.fitmesh.platform.grpc.ProtoTime;
import io.fitmesh.social.domain.Activity;
import io.fitmesh.social.domain.Card;
import io.fitmesh.social.domain.Comment;
import io.fitmesh.social.domain.Follow;
import io.fitmesh.social.domain.FollowState;
import io.fitmesh.social.domain.Visibility;
import io.fitmesh.social.v1.ActivityCard;
import io.fitmesh.social.v1.FollowEdge;
import io.fitmesh.training.v1.Workout;
import java.util.List;

/** Social's protos to and from its domain, shared by handlers, consumers and adapters. */
public final class SocialProtos {
  private SocialProtos() {}

  /** The activity a finished workout makes. */
  public static Activity activity(Workout w) {
    return new Activity(w.getWorkoutId(), w.getAthleteId(), w.getSport().name().replaceFirst("^SPORT_", ""),
        w.getTitle(), ProtoTime.toInstant(w.getStartTime()), w.getTimeZone(), w.getSummary().getDistanceM(),
        w.getSummary().getMovingS(), w.getSummary().getAverageSpeedMps(), w.getSummary().getAveragePaceSPerKm(),
        w.getSummary().getElevationGainM(), visibility(w.getVisibility()),
        w.getSummary().getRouteList().stream().map(p -> new LatLon(p.getLatitudeDeg(), p.getLongitudeDeg())).toList());
  }

  /** The stored form of an activity: the workout message it came from, with what social uses. */
  public static Workout toWorkout(Activity a) {
    Workout.Builder w = Workout.newBuilder()
        .setWorkoutId(a.workoutId())
        .setAthleteId(a.authorId())
        .setSport(sport(a.sport()))
        .setTitle(a.title())
        .setStartTime(ProtoTime.toTimestamp(a.startTime()))
        .setTimeZone(a.timeZone())
        .setVisibility(io.fitmesh.common.v1.Visibility.valueOf("VISIBILITY_" + a.visibility().name()));
    w.getSummaryBuilder().setDistanceM(a.distanceM()).setMovingS(a.movingS()).setAverageSpeedMps(a.averageSpeedMps())
        .setAveragePaceSPerKm(a.averagePaceSPerKm()).setElevationGainM(a.elevationGainM());
    a.route().forEach(p -> w.getSummaryBuilder().addRoute(latLng(p)));
    return w.build();
  }

  public static ActivityCard toProto(Card card) {
    Activity a = card.activity();
    return ActivityCard.newBuilder()
        .setWorkoutId(a.workoutId())
        .setAthleteId(a.authorId())
        .setSport(sport(a.sport()))
        .setTitle(a.title())
        .setStartTime(ProtoTime.toTimestamp(a.startTime()))
        .setTimeZone(a.timeZone())
        .setDistanceM(a.distanceM())
        .setMovingS(a.movingS())
        .setAverageSpeedMps(a.averageSpeedMps())
        .setAveragePaceSPerKm(a.averagePaceSPerKm())
        .setElevationGainM(a.elevationGainM())
        .setPolyline(card.polyline())
        .setKudosCount(card.kudosCount())
        .setCommentCount(card.commentCount())
        .setKudosGiven(card.kudosGiven())
        .setVisibility(io.fitmesh.common.v1.Visibility.valueOf("VISIBILITY_" + a.visibility().name()))
        .build();
  }

  public static io.fitmesh.social.v1.Comment toProto(Comment c) {
    return io.fitmesh.social.v1.Comment.newBuilder().setCommentId(c.commentId()).setWorkoutId(c.workoutId())
        .setAthleteId(c.authorId()).setText(c.text()).setCreateTime(ProtoTime.toTimestamp(c.createTime())).build();
  }

  /** An edge of a followers list (the follower) or a following list (the followee). */
  public static FollowEdge edge(Follow f, boolean showFollower) {
    return FollowEdge.newBuilder().setAthleteId(showFollower ? f.followerId() : f.followeeId())
        .setState(toProto(f.state())).setSince(ProtoTime.toTimestamp(f.since())).build();
  }

  public static io.fitmesh.social.v1.FollowState toProto(FollowState state) {
    return io.fitmesh.social.v1.FollowState.valueOf("FOLLOW_STATE_" + state.name());
  }

  public static io.fitmesh.social.v1.PrivacyZone toProto(PrivacyZone z) {
    return io.fitmesh.social.v1.PrivacyZone.newBuilder().setCenter(latLng(z.center())).setRadiusM(z.radiusM()).build();
  }

  /** The domain zones; INVALID_ARGUMENT for a radius outside 200..1600 m or a bad centre. */
  public static List<PrivacyZone> zones(List<io.fitmesh.social.v1.PrivacyZone> zones) {
    try {
      return zones.stream().map(z -> new PrivacyZone(new LatLon(z.getCenter().getLatitudeDeg(),
          z.getCenter().getLongitudeDeg()), z.getRadiusM())).toList();
    } catch (IllegalArgumentException e) {
      throw io.fitmesh.platform.errors.DomainException.invalidArgument("zones", e.getMessage());
    }
  }

  private static io.fitmesh.common.v1.LatLng latLng(LatLon p) {
    return io.fitmesh.common.v1.LatLng.newBuilder().setLatitudeDeg(p.latitudeDeg()).setLongitudeDeg(p.longitudeDeg())
        .build();
  }

  private static io.fitmesh.common.v1.Sport sport(String name) {
    try {
      return io.fitmesh.common.v1.Sport.valueOf("SPORT_" + name);
    } catch (IllegalArgumentException e) {
      return io.fitmesh.common.v1.Sport.SPORT_OTHER;
    }
  }

  private static Visibility visibility(io.fitmesh.common.v1.Visibility v) {
    return switch (v) {
      case VISIBILITY_EVERYONE -> Visibility.EVERYONE;
      case VISIBILITY_FOLLOWERS -> Visibility.FOLLOWERS;
      default -> Visibility.ONLY_ME;
    };
  }
}
