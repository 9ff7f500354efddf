package io.fitmesh.challenge.domain;

import java.util.List;

/**
 * An athlete's standing in a challenge.
 *
 * @param rank 1-based; 0 while the board has not caught up
 */
public record Progress(Challenge challenge, Participant participant, boolean goalReached, long rank,
    List<Contribution> workouts) {}
