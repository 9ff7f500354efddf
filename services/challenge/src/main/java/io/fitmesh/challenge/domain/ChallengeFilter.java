package io.fitmesh.challenge.domain;

/** Which challenges a list shows. */
public enum ChallengeFilter {
  ACTIVE,
  JOINED,
  UPCOMING
}
