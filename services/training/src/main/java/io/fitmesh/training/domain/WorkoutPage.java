package io.fitmesh.training.domain;

import java.util.List;

/** A page of workouts and where the next one starts (null on the last page). */
public record WorkoutPage(List<WorkoutRecord> workouts, String nextPosition) {}
