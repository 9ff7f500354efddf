package io.fitmesh.challenge.domain;

import io.fitmesh.platform.errors.DomainException;
import java.time.Instant;
import java.util.Set;

/** What a new challenge must satisfy; each failure names the field. */
final class ChallengeRules {
  static final Set<Double> EFFORT_DISTANCES_M = Set.of(1000.0, 5000.0, 10000.0, 21097.5, 42195.0);
  private static final int MAX_TITLE = 100;
  private static final int MAX_DESCRIPTION = 2000;

  private ChallengeRules() {}

  static void check(Challenge c, Instant now) {
    if (c.title() == null || c.title().isBlank() || c.title().length() > MAX_TITLE) {
      throw DomainException.invalidArgument("title", "title must be 1.." + MAX_TITLE + " characters");
    }
    if (c.description() != null && c.description().length() > MAX_DESCRIPTION) {
      throw DomainException.invalidArgument("description", "description must be at most " + MAX_DESCRIPTION
          + " characters");
    }
    if (c.goalKind() == null) {
      throw DomainException.invalidArgument("goal_kind", "goal_kind is required");
    }
    if (!(c.goalTarget() >= 0) || Double.isInfinite(c.goalTarget())) {
      throw DomainException.invalidArgument("goal_target", "goal_target must be 0 (ranking only) or positive");
    }
    if (c.goalKind() == GoalKind.FASTEST_EFFORT && !EFFORT_DISTANCES_M.contains(c.effortDistanceM())) {
      throw DomainException.invalidArgument("effort_distance_m",
          "effort_distance_m must be one of 1000, 5000, 10000, 21097.5, 42195");
    }
    if (c.startDate() == null || c.endDate() == null || c.endDate().isBefore(c.startDate())) {
      throw DomainException.invalidArgument("end_date", "start_date and end_date are required, start first");
    }
    if (!c.endTime().isAfter(now)) {
      throw DomainException.invalidArgument("end_date", "the challenge would already be over");
    }
    if (c.endTime().isAfter(ScoreKey.origin(c).plus(ScoreKey.MAX_SPAN))) {
      throw DomainException.invalidArgument("end_date", "a challenge must end within "
          + ScoreKey.MAX_SPAN.toDays() + " days of its start (or of its creation, if that is earlier)");
    }
    if (c.region() != null && !(c.region().radiusKm() >= 1 && c.region().radiusKm() <= 5000)) {
      throw DomainException.invalidArgument("region_radius_km", "region_radius_km must be 1..5000");
    }
    if (c.region() != null && (Math.abs(c.region().latitudeDeg()) > 90
        || Math.abs(c.region().longitudeDeg()) > 180)) {
      throw DomainException.invalidArgument("region_center", "region_center is not a valid position");
    }
    if (c.groupId() != null && c.groupId().length() > 64) {
      throw DomainException.invalidArgument("group_id", "group_id is at most 64 characters");
    }
  }
}
