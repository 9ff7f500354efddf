package io.fitmesh.challenge.domain;

import java.time.Instant;

/** An athlete in a challenge with the score their counted workouts add up to (nothing yet: the join time). */
public record Participant(String challengeId, String athleteId, Instant joinTime, Score score) {

  public static Participant joined(String challengeId, String athleteId, Instant joinTime) {
    return new Participant(challengeId, athleteId, joinTime, Score.none(joinTime));
  }

  public Participant withScore(Score newScore) {
    return new Participant(challengeId, athleteId, joinTime, newScore);
  }
}
