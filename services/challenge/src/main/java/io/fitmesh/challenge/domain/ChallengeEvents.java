package io.fitmesh.challenge.domain;

import io.fitmesh.platform.domain.PendingEvent;

/**
 * Makes challenge.joined, challenge.left and challenge.progress. The store writes each with the change it
 * announces (the outbox), so nothing is acknowledged that will not be announced, whether or not the broker is up.
 */
public interface ChallengeEvents {

  PendingEvent joined(Challenge challenge, Participant participant);

  PendingEvent left(String challengeId, String athleteId);

  PendingEvent progressed(ProgressUpdate update);

  /** Asks for the events just stored to be published now rather than at the next relay round. */
  void flush();
}
