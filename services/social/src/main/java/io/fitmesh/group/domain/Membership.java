package io.fitmesh.group.domain;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * An athlete in a club, or asking to join a private one.
 *
 * @param requested true while waiting for approval (role then is MEMBER)
 */
public record Membership(String clubId, String athleteId, ClubRole role, boolean requested, Instant since) {

  public Membership {
    requireNonNull(clubId, "clubId");
    requireNonNull(athleteId, "athleteId");
    requireNonNull(role, "role");
    requireNonNull(since, "since");
  }

  public boolean isMember() {
    return !requested;
  }
}
