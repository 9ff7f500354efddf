package io.fitmesh.group.domain;

/** A member's role: the owner and admins approve requests; only the owner names admins. */
public enum ClubRole {
  OWNER, ADMIN, MEMBER;

  public boolean approves() {
    return this != MEMBER;
  }
}
