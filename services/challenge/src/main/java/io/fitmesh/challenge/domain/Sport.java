package io.fitmesh.challenge.domain;

/** The sports a challenge can be limited to, as training reports them. */
public enum Sport {
  RUN,
  RIDE,
  WALK,
  HIKE,
  SWIM,
  VIRTUAL_RIDE,
  OTHER
}
