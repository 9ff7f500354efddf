package io.fitmesh.challenge.domain;

/**
 * A participant's new standing, as challenge.progress announces it.
 *
 * @param workoutId the workout whose arrival, deletion or clearing changed it
 * @param rank the place the new score gives them on the board (1 = first), 0 when unknown
 * @param countedDistanceM metres of their counted workouts in the challenge
 */
public record ProgressUpdate(Challenge challenge, Participant participant, String workoutId, boolean goalReached,
    long rank, double countedDistanceM) {}
