package io.fitmesh.group.domain;

import java.time.LocalDate;
import java.util.List;

/** A club's week (Monday to Sunday in its zone): totals and the members by distance. */
public record ClubWeek(LocalDate weekStart, double distanceM, double movingS, double elevationGainM, long workouts,
    long activeMembers, List<Leader> leaders) {

  /** One member's week, with their place by distance (1-based). */
  public record Leader(String athleteId, double distanceM, double movingS, double elevationGainM, long workouts,
      int rank) {}
}
