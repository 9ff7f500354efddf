package io.fitmesh.challenge.domain;

/** Whether an athlete belongs to a club, for challenges restricted to one. */
public interface ClubMembership {

  /** True for a member; NOT_FOUND for an unknown club. */
  boolean isMember(String clubId, String athleteId);
}
