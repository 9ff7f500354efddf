package io.fitmesh.challenge.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

/**
 * A challenge as stored. Its window is [startTime, endTime): from the start of startDate to the end of endDate
 * in its time zone. A workout is in the window when it starts in it.
 *
 * @param goalTarget 0 when the challenge only ranks
 * @param sports empty: every sport counts
 * @param region null: anywhere
 * @param groupId empty: anyone may join
 */
public record Challenge(
    String challengeId,
    String title,
    String description,
    GoalKind goalKind,
    double goalTarget,
    double effortDistanceM,
    Set<Sport> sports,
    LocalDate startDate,
    LocalDate endDate,
    ZoneId timeZone,
    Region region,
    String groupId,
    String creatorId,
    Instant createTime) {

  public Challenge {
    sports = Set.copyOf(sports);
  }

  public Instant startTime() {
    return startDate.atStartOfDay(timeZone).toInstant();
  }

  public Instant endTime() {
    return endDate.plusDays(1).atStartOfDay(timeZone).toInstant();
  }

  /** True when only a club's members may take part. */
  public boolean isForClub() {
    return groupId != null && !groupId.isEmpty();
  }

  public boolean hasEnded(Instant now) {
    return !now.isBefore(endTime());
  }

  public boolean isActive(Instant now) {
    return !now.isBefore(startTime()) && now.isBefore(endTime());
  }

  /** True when the workout's sport, start and place make it count here (flags aside). */
  public boolean accepts(FinishedWorkout workout) {
    if (!sports.isEmpty() && !sports.contains(workout.sport())) {
      return false;
    }
    if (workout.startTime().isBefore(startTime()) || !workout.startTime().isBefore(endTime())) {
      return false;
    }
    if (region != null) {
      return workout.hasStartPosition()
          && region.contains(workout.startLatitudeDeg(), workout.startLongitudeDeg());
    }
    return true;
  }
}
