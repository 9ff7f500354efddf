package io.fitmesh.training.domain;

import java.util.List;

/** The workout is leg {@code leg} (1-based) of the multisport activity {@code activityId}, whose legs are these. */
public record Multisport(String activityId, int leg, List<String> workoutIds) {

  public Multisport {
    workoutIds = List.copyOf(workoutIds);
  }
}
