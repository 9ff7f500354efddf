package io.fitmesh.challenge.domain;

/**
 * Publishes challenge.joined, challenge.left and challenge.progress. Each call returns once the event is
 * stored by the broker (or throws UNAVAILABLE), so nothing is acknowledged that was not announced.
 */
public interface ChallengeEvents {

  void joined(Challenge challenge, Participant participant);

  void left(String challengeId, String athleteId);

  void progressed(ProgressUpdate update);
}
