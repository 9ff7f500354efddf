package io.fitmesh.training.analytics.domain;

import io.fitmesh.training.domain.Sport;

/** A best effort or longest workout, and the workout that set it. */
public record PersonalRecord(String name, Sport sport, double elapsedS, double distanceM, String workoutId) {}
