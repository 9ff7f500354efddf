package io.fitmesh.training.analytics.domain;

import java.time.LocalDate;
import java.util.List;

/** A challenge's participation day by day (in its time zone) and now. */
public record ParticipationReport(String challengeId, List<Day> days, long participants, long activeParticipants,
    double distanceM) {

  /**
   * One day: joins and leaves that day, participants and metres so far at its end, participants whose counted
   * metres grew that day.
   */
  public record Day(LocalDate date, long joins, long leaves, long participants, long activeParticipants,
      double distanceM) {}
}
