package io.fitmesh.challenge.domain;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.Map;

/** Rebuilds a live board from the durable participants, e.g. after Redis lost its data. */
public final class BoardRebuild {
  private final ChallengeStore store;
  private final ChallengeCatalog catalog;
  private final Leaderboard leaderboard;

  public BoardRebuild(ChallengeStore store, ChallengeCatalog catalog, Leaderboard leaderboard) {
    this.store = requireNonNull(store, "store");
    this.catalog = requireNonNull(catalog, "catalog");
    this.leaderboard = requireNonNull(leaderboard, "leaderboard");
  }

  /** Replaces the board of the challenge with one made from its stored participants; returns their number. */
  public int rebuild(String challengeId) {
    Challenge challenge = catalog.get(challengeId);
    Map<String, Double> keys = new HashMap<>();
    store.forEachParticipant(challengeId, p -> keys.put(p.athleteId(), ScoreKey.of(challenge, p.score())));
    leaderboard.replace(challengeId, keys);
    return keys.size();
  }
}
