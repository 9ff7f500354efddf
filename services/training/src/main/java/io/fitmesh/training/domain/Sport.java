package io.fitmesh.training.domain;

/** What kind of activity a workout is. */
public enum Sport {
  RUN,
  RIDE,
  WALK,
  HIKE,
  SWIM,
  VIRTUAL_RIDE,
  OTHER
}
