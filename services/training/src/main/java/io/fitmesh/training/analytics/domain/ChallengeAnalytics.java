package io.fitmesh.training.analytics.domain;

import static java.util.Objects.requireNonNull;

import io.fitmesh.platform.errors.DomainException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Challenge statistics from challenge.joined, challenge.left and challenge.progress: each athlete's challenges
 * (in GetAthleteStats) and, for a challenge's creator, participation over time.
 */
public final class ChallengeAnalytics {
  private final ChallengeStatsStore store;
  private final Clock clock;

  public ChallengeAnalytics(ChallengeStatsStore store, Clock clock) {
    this.store = requireNonNull(store, "store");
    this.clock = requireNonNull(clock, "clock");
  }

  public void onJoined(ChallengeInfo challenge, String athleteId, Instant joinTime, Instant at) {
    store.joined(challenge, athleteId, joinTime, at);
  }

  public void onLeft(String challengeId, String athleteId, Instant at) {
    store.left(challengeId, athleteId, at);
  }

  public void onProgress(String challengeId, String athleteId, Instant at, double distanceM, boolean goalReached,
      long rank) {
    store.progressed(challengeId, athleteId, at, distanceM, goalReached, rank);
  }

  /** The athlete's challenges now. */
  public AthleteChallengeStats athleteStats(String athleteId) {
    Instant now = clock.instant();
    long joined = 0;
    long active = 0;
    long completed = 0;
    long goals = 0;
    long best = 0;
    for (ChallengeParticipant p : store.byAthlete(athleteId)) {
      if (p.goalReached()) {
        goals++;
      }
      if (p.bestRank() > 0 && (best == 0 || p.bestRank() < best)) {
        best = p.bestRank();
      }
      if (!p.isMember() || p.endTime() == null) {
        continue;
      }
      joined++;
      if (p.endTime().isAfter(now)) {
        active++;
      } else {
        completed++;
      }
    }
    return new AthleteChallengeStats(joined, active, completed, goals, best);
  }

  /**
   * Participation day by day from the first join (or the start, if earlier) to today or the end; for the
   * challenge's creator only.
   */
  public ParticipationReport participation(String callerId, String challengeId) {
    ChallengeInfo challenge = store.challenge(challengeId)
        .orElseThrow(() -> DomainException.notFound("no challenge " + challengeId + " has participants yet"));
    if (!challenge.creatorId().equals(callerId)) {
      throw DomainException.permissionDenied("only the challenge's creator may read its participation");
    }
    List<ChallengeParticipant> everyone = store.byChallenge(challengeId);
    ZoneId zone = challenge.timeZone();
    LocalDate first = day(challenge.startTime(), zone);
    for (ChallengeParticipant p : everyone) {
      if (p.joinTime() != null && day(p.joinTime(), zone).isBefore(first)) {
        first = day(p.joinTime(), zone);
      }
    }
    Instant now = clock.instant();
    LocalDate last = day(now.isBefore(challenge.endTime()) ? now : challenge.endTime().minusMillis(1), zone);
    List<ParticipationReport.Day> days = new ArrayList<>();
    long joins = 0;
    long leaves = 0;
    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
      Instant dayStart = d.atStartOfDay(zone).toInstant();
      Instant dayEnd = d.plusDays(1).atStartOfDay(zone).toInstant();
      long joinsToday = 0;
      long leavesToday = 0;
      long activeToday = 0;
      double distance = 0;
      for (ChallengeParticipant p : everyone) {
        if (p.joinTime() != null && !p.joinTime().isBefore(dayStart) && p.joinTime().isBefore(dayEnd)) {
          joinsToday++;
        }
        if (p.leftBy(dayEnd.minusNanos(1)) && !p.leftAt().isBefore(dayStart)) {
          leavesToday++;
        }
        if (p.leftBy(dayEnd.minusNanos(1))) {
          continue;
        }
        double atEnd = p.distanceAsOf(dayEnd.minusNanos(1));
        distance += atEnd;
        if (atEnd > p.distanceAsOf(dayStart.minusNanos(1))) {
          activeToday++;
        }
      }
      joins += joinsToday;
      leaves += leavesToday;
      days.add(new ParticipationReport.Day(d, joinsToday, leavesToday, joins - leaves, activeToday, distance));
    }
    List<ChallengeParticipant> members = everyone.stream().filter(ChallengeParticipant::isMember).toList();
    return new ParticipationReport(challengeId, days, members.size(),
        members.stream().filter(p -> p.distanceM() > 0).count(),
        members.stream().mapToDouble(ChallengeParticipant::distanceM).sum());
  }

  private static LocalDate day(Instant time, ZoneId zone) {
    return time.atZone(zone).toLocalDate();
  }
}
