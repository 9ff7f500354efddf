package io.fitmesh.platform.auth;

import java.util.Set;

/** Who a verified bearer token speaks for: the athlete (the token's subject) and the roles it grants. */
public record VerifiedToken(String athleteId, Set<String> roles) {
  /** The role of platform administrators (campaigns, moderation). */
  public static final String ADMIN = "fitmesh-admin";

  public VerifiedToken {
    roles = Set.copyOf(roles);
  }
}
