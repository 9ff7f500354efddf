package io.fitmesh.training.analytics.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One athlete in one challenge as analytics heard of it. Every fact is kept with the time of the event that told
 * it, so events applied in any order, or again, leave the same state.
 *
 * @param joinTime the first join (null until challenge.joined arrives)
 * @param joinedAt the newest join event's time; {@code leftAt} the newest leave event's (null when none)
 * @param endTime the challenge's end (null until challenge.joined arrives)
 * @param distanceAt the athlete's counted metres after each progress event, by event time
 * @param goalAt whether the goal was reached after each progress event
 * @param rankAt the board place after each progress event (0 = unknown)
 */
public record ChallengeParticipant(
    String challengeId,
    String athleteId,
    Instant joinTime,
    Instant joinedAt,
    Instant leftAt,
    Instant endTime,
    NavigableMap<Instant, Double> distanceAt,
    NavigableMap<Instant, Boolean> goalAt,
    NavigableMap<Instant, Long> rankAt) {

  public ChallengeParticipant {
    distanceAt = Collections.unmodifiableNavigableMap(new TreeMap<>(distanceAt));
    goalAt = Collections.unmodifiableNavigableMap(new TreeMap<>(goalAt));
    rankAt = Collections.unmodifiableNavigableMap(new TreeMap<>(rankAt));
  }

  /** Joined and not left since. */
  public boolean isMember() {
    return joinedAt != null && (leftAt == null || joinedAt.isAfter(leftAt));
  }

  /** Whether the athlete had left by {@code time} (and not joined again since). */
  public boolean leftBy(Instant time) {
    return !isMember() && leftAt != null && !leftAt.isAfter(time);
  }

  /** Counted metres as of {@code time}. */
  public double distanceAsOf(Instant time) {
    var entry = distanceAt.floorEntry(time);
    return entry == null ? 0 : entry.getValue();
  }

  public double distanceM() {
    return distanceAt.isEmpty() ? 0 : distanceAt.lastEntry().getValue();
  }

  public boolean goalReached() {
    return !goalAt.isEmpty() && goalAt.lastEntry().getValue();
  }

  /** The best place held (1 = first); 0 when none is known. */
  public long bestRank() {
    return rankAt.values().stream().filter(r -> r > 0).mapToLong(Long::longValue).min().orElse(0);
  }
}
