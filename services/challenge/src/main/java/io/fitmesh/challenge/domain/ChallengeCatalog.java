package io.fitmesh.challenge.domain;

import static java.util.Objects.requireNonNull;

import io.fitmesh.platform.errors.DomainException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Challenges by id, read through a cache: a challenge does not change once created, so every event and every
 * leaderboard read of a busy challenge costs no store read. Bounded; cleared when full.
 */
public final class ChallengeCatalog {
  private static final int MAX_CACHED = 10_000;

  private final ChallengeStore store;
  private final Map<String, Challenge> cache = new ConcurrentHashMap<>();

  public ChallengeCatalog(ChallengeStore store) {
    this.store = requireNonNull(store, "store");
  }

  public Optional<Challenge> find(String challengeId) {
    Challenge cached = cache.get(challengeId);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<Challenge> stored = store.challenge(challengeId);
    stored.ifPresent(c -> {
      if (cache.size() >= MAX_CACHED) {
        cache.clear();
      }
      cache.put(challengeId, c);
    });
    return stored;
  }

  /** The challenge; NOT_FOUND when there is none. */
  public Challenge get(String challengeId) {
    if (challengeId == null || challengeId.isBlank()) {
      throw DomainException.invalidArgument("challenge_id", "challenge_id is required");
    }
    return find(challengeId).orElseThrow(() -> DomainException.notFound("no challenge " + challengeId));
  }
}
