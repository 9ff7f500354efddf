package io.fitmesh.challenge;

import io.fitmesh.challenge.adapters.InMemoryChallengeStore;
import io.fitmesh.challenge.adapters.InMemoryLeaderboard;
import io.fitmesh.challenge.adapters.RedisLeaderboard;
import io.fitmesh.challenge.adapters.ScyllaChallengeStore;
import io.fitmesh.challenge.domain.BoardRebuild;
import io.fitmesh.challenge.domain.ChallengeCatalog;
import io.fitmesh.challenge.domain.ChallengeStore;
import io.fitmesh.challenge.domain.Leaderboard;
import io.fitmesh.platform.events.InMemoryOutboxStore;
import io.fitmesh.platform.events.OutboxStore;
import io.fitmesh.platform.runtime.PlatformRuntime;
import io.fitmesh.platform.storage.ScyllaOutboxStore;

/**
 * The challenge service's stores as the runtime's backends make them: CQL (keyspace fitmesh_challenge, schema
 * applied here, with the outbox of its events) and Redis, or the in-memory twins in embedded mode. The one place
 * that picks adapters; used by the deployable and by commands that work on the data without serving.
 */
public record ChallengeBackends(ChallengeStore store, OutboxStore outbox, Leaderboard leaderboard,
    ChallengeCatalog catalog) {

  public static ChallengeBackends open(PlatformRuntime runtime) {
    Leaderboard leaderboard = runtime.redis().<Leaderboard>map(RedisLeaderboard::new)
        .orElseGet(InMemoryLeaderboard::new);
    return runtime.cql().map(session -> {
      String keyspace = runtime.migrateCql(ChallengeDeployable.NAME);
      ScyllaOutboxStore outbox = new ScyllaOutboxStore(session, keyspace);
      ChallengeStore store = new ScyllaChallengeStore(session, keyspace, outbox);
      return new ChallengeBackends(store, outbox, leaderboard, new ChallengeCatalog(store));
    }).orElseGet(() -> {
      InMemoryOutboxStore outbox = new InMemoryOutboxStore();
      ChallengeStore store = new InMemoryChallengeStore(outbox);
      return new ChallengeBackends(store, outbox, leaderboard, new ChallengeCatalog(store));
    });
  }

  /** Replaces a challenge's live board with one rebuilt from the durable participants; returns their number. */
  public int rebuildBoard(String challengeId) {
    return new BoardRebuild(store, catalog, leaderboard).rebuild(challengeId);
  }
}
