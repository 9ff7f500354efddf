package io.fitmesh.challenge;

import io.fitmesh.challenge.adapters.InMemoryChallengeStore;
import io.fitmesh.challenge.adapters.InMemoryLeaderboard;
import io.fitmesh.challenge.adapters.RedisLeaderboard;
import io.fitmesh.challenge.adapters.ScyllaChallengeStore;
import io.fitmesh.challenge.domain.BoardRebuild;
import io.fitmesh.challenge.domain.ChallengeCatalog;
import io.fitmesh.challenge.domain.ChallengeStore;
import io.fitmesh.challenge.domain.Leaderboard;
import io.fitmesh.platform.runtime.PlatformRuntime;

/**
 * The challenge service's stores as the runtime's backends make them: CQL and Redis, or the in-memory twins
 * in embedded mode. Used by the deployable and by commands that work on the data without serving.
 */
public record ChallengeBackends(ChallengeStore store, Leaderboard leaderboard, ChallengeCatalog catalog) {

  public static ChallengeBackends open(PlatformRuntime runtime) {
    ChallengeStore store = runtime.cql().<ChallengeStore>map(
            session -> new ScyllaChallengeStore(session, runtime.migrateCql(ChallengeDeployable.NAME)))
        .orElseGet(InMemoryChallengeStore::new);
    Leaderboard leaderboard = runtime.redis().<Leaderboard>map(RedisLeaderboard::new)
        .orElseGet(InMemoryLeaderboard::new);
    return new ChallengeBackends(store, leaderboard, new ChallengeCatalog(store));
  }

  /** Replaces a challenge's live board with one rebuilt from the durable participants; returns their number. */
  public int rebuildBoard(String challengeId) {
    return new BoardRebuild(store, catalog, leaderboard).rebuild(challengeId);
  }
}
