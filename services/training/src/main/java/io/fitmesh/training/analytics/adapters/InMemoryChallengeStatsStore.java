package io.fitmesh.training.analytics.adapters;

import io.fitmesh.training.analytics.domain.ChallengeInfo;
import io.fitmesh.training.analytics.domain.ChallengeParticipant;
import io.fitmesh.training.analytics.domain.ChallengeStatsStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The embedded twin of {@link ScyllaChallengeStatsStore}: the newest event's fact wins, as there. */
public final class InMemoryChallengeStatsStore implements ChallengeStatsStore {
  private final Map<String, ChallengeInfo> challenges = new HashMap<>();
  private final Map<String, Map<String, Row>> rows = new HashMap<>();

  /** One participant's facts with the time of the event that set each. */
  private static final class Row {
    Instant joinTime;
    Instant joinedAt;
    Instant leftAt;
    Instant endTime;
    Instant endTimeAt;
    final TreeMap<Instant, Double> distanceAt = new TreeMap<>();
    final TreeMap<Instant, Boolean> goalAt = new TreeMap<>();
    final TreeMap<Instant, Long> rankAt = new TreeMap<>();
  }

  private Row row(String challengeId, String athleteId) {
    return rows.computeIfAbsent(challengeId, id -> new HashMap<>()).computeIfAbsent(athleteId, id -> new Row());
  }

  @Override
  public synchronized void joined(ChallengeInfo challenge, String athleteId, Instant joinTime, Instant at) {
    challenges.put(challenge.challengeId(), challenge);
    Row row = row(challenge.challengeId(), athleteId);
    if (row.joinedAt == null || !at.isBefore(row.joinedAt)) {
      row.joinedAt = at;
      row.joinTime = joinTime;
      row.endTime = challenge.endTime();
    }
  }

  @Override
  public synchronized void left(String challengeId, String athleteId, Instant at) {
    Row row = row(challengeId, athleteId);
    if (row.leftAt == null || !at.isBefore(row.leftAt)) {
      row.leftAt = at;
    }
  }

  @Override
  public synchronized void progressed(String challengeId, String athleteId, Instant at, double distanceM,
      boolean goalReached, long rank) {
    Row row = row(challengeId, athleteId);
    row.distanceAt.put(at, distanceM);
    row.goalAt.put(at, goalReached);
    row.rankAt.put(at, rank);
  }

  @Override
  public synchronized Optional<ChallengeInfo> challenge(String challengeId) {
    return Optional.ofNullable(challenges.get(challengeId));
  }

  @Override
  public synchronized List<ChallengeParticipant> byChallenge(String challengeId) {
    return rows.getOrDefault(challengeId, Map.of()).entrySet().stream()
        .map(e -> participant(challengeId, e.getKey(), e.getValue())).toList();
  }

  @Override
  public synchronized List<ChallengeParticipant> byAthlete(String athleteId) {
    return rows.entrySet().stream().filter(e -> e.getValue().containsKey(athleteId))
        .map(e -> participant(e.getKey(), athleteId, e.getValue().get(athleteId))).toList();
  }

  private static ChallengeParticipant participant(String challengeId, String athleteId, Row r) {
    return new ChallengeParticipant(challengeId, athleteId, r.joinTime, r.joinedAt, r.leftAt, r.endTime,
        r.distanceAt, r.goalAt, r.rankAt);
  }
}
