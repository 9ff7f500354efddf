package io.fitmesh.training.analytics.domain;

/** An athlete's challenges: joined (and not left), of those active and completed, goals reached, best place. */
public record AthleteChallengeStats(long joined, long active, long completed, long goalReached, long bestRank) {}
