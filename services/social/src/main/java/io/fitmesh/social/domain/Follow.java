package io.fitmesh.social.domain;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** One athlete following another (or asking to), since when. */
public record Follow(String followerId, String followeeId, FollowState state, Instant since) {

  public Follow {
    requireNonNull(followerId, "followerId");
    requireNonNull(followeeId, "followeeId");
    requireNonNull(state, "state");
    requireNonNull(since, "since");
  }
}
