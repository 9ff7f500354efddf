package io.fitmesh.challenge.domain;

/** A place on a board: 1-based rank, the athlete and their score as the board holds it. */
public record RankedEntry(long rank, String athleteId, Score score) {}
