package io.fitmesh.training.analytics.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Challenge participation as analytics keeps it, by challenge and by athlete. Each write records facts stamped
 * with its event's time and never overwrites a newer fact with an older one, so the three topics it is built
 * from may arrive in any order and more than once. Failures are UNAVAILABLE domain exceptions.
 */
public interface ChallengeStatsStore {

  /** challenge.joined at {@code at}. */
  void joined(ChallengeInfo challenge, String athleteId, Instant joinTime, Instant at);

  /** challenge.left at {@code at}. */
  void left(String challengeId, String athleteId, Instant at);

  /** challenge.progress at {@code at}: the athlete's counted metres, goal and board place then. */
  void progressed(String challengeId, String athleteId, Instant at, double distanceM, boolean goalReached, long rank);

  Optional<ChallengeInfo> challenge(String challengeId);

  /** Everyone analytics heard of in the challenge, members or not. */
  List<ChallengeParticipant> byChallenge(String challengeId);

  /** Every challenge analytics heard of the athlete in. */
  List<ChallengeParticipant> byAthlete(String athleteId);
}
