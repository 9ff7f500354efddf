package io.fitmesh.challenge.domain;

/**
 * What a challenge's creator learns by clearing a participant's flagged workout: that it now counts, and the
 * participant's new score and place, which the board shows anyway. Nothing of the participant's other workouts,
 * their times or their flags.
 */
public record ClearedWorkout(String challengeId, String athleteId, String workoutId, double score, long rank) {}
