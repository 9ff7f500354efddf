package io.fitmesh.challenge.domain;

import io.fitmesh.platform.domain.PendingEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Durable challenge state: challenges, participants with their scores, each athlete's challenges, and the
 * contributions of their workouts. Every write is idempotent (an upsert or delete by key).
 */
public interface ChallengeStore {

  /** Stores a new challenge, or returns the one created before under the same creator and request id. */
  Challenge create(Challenge challenge, String requestId);

  Optional<Challenge> challenge(String challengeId);

  /**
   * Where the challenges that have not ended at {@code now} are in the calendar, soonest ending first, after the
   * position {@code after} (null: from the start); at most {@code limit}. Read the challenges through the
   * {@link ChallengeCatalog}, which caches them.
   */
  List<ChallengePosition> notEnded(Instant now, ChallengePosition after, int limit);

  /** The athlete's challenges by id after {@code afterId} (null: from the start); at most {@code limit}. */
  List<String> joinedBy(String athleteId, String afterId, int limit);

  /** Ids of the challenges restricted to a club, by id, after {@code afterId} (null: from the first). */
  List<String> ofGroup(String groupId, String afterId, int limit);

  Optional<Participant> participant(String challengeId, String athleteId);

  /**
   * Adds a participant with no score yet and the athlete's membership, with the joined event. A participant
   * already stored keeps the score they have (only the join time is written again), so a join can never lose
   * progress.
   */
  void join(Participant participant, PendingEvent joined);

  /** Removes the participant, the membership and every contribution, with the left event. */
  void leave(String challengeId, String athleteId, PendingEvent left);

  /** Saves a participant's new score with its progress event. */
  void saveScore(Participant participant, PendingEvent progressed);

  List<Contribution> contributions(String challengeId, String athleteId);

  /** Stores a workout's contribution, unless the workout was removed (deleted) before: that stays removed. */
  void putContribution(String challengeId, String athleteId, Contribution contribution);

  /**
   * Removes a deleted workout's contribution for good, present or not: a completion that arrives later (a
   * redelivery, or the topics out of order) is not kept.
   */
  void removeContribution(String challengeId, String athleteId, String workoutId);

  /** Hands every participant of a challenge to {@code sink}, in no order (to rebuild a leaderboard). */
  void forEachParticipant(String challengeId, Consumer<Participant> sink);

  /** A challenge's place in the calendar: its end, then its id. */
  record ChallengePosition(Instant endTime, String challengeId) {}
}
