package io.fitmesh.challenge.adapters;

import static java.util.Objects.requireNonNull;

import io.fitmesh.challenge.domain.Leaderboard;
import io.fitmesh.challenge.domain.LeaderboardWatches;
import io.fitmesh.platform.errors.DomainException;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.redisson.api.BatchOptions;
import org.redisson.api.RBatch;
import org.redisson.api.RScoredSortedSet;
import org.redisson.api.RScript;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.client.protocol.ScoredEntry;

/**
 * Boards as Redis sorted sets: {@code fitmesh:board:<challenge>} (member athlete id, score the
 * {@link io.fitmesh.challenge.domain.ScoreKey}) and a change counter {@code fitmesh:board:<challenge>:version}.
 * Every change bumps the version and publishes the challenge id on {@link #CHANGES} in the same call, so watchers
 * on every instance hear of it at once. A join is one Lua script (ZADD NX, version, notice, rank); a batch of score
 * updates is one ZADD XX of all its members plus the version bump and notice, pipelined; a rebuild loads a fresh
 * set beside the live one and renames it over it, so readers never see half a board.
 */
public final class RedisLeaderboard implements Leaderboard {
  private static final int LOAD_CHUNK = 5_000;
  /**
   * Members per ZADD XX of a batch update. Slices go out together, so Redis applies one while the next is
   * encoded; each athlete is in one slice, and the call returns only when all are applied, so a later update
   * of an athlete never overtakes an earlier one.
   */
  private static final int UPDATE_SLICE = 1000;
  /** Where every instance hears which board changed (the message is the challenge id). */
  static final String CHANGES = "fitmesh:board-changes";
  /**
   * ZADD NX and, when added, the version bump and change notice; then the rank: a join's board work in one call.
   * KEYS: board, version; ARGV: key, athlete, {@link #CHANGES}, challenge. Public for the benches' raw baseline.
   */
  public static final String ADD_IF_ABSENT = """
      local added = redis.call('ZADD', KEYS[1], 'NX', ARGV[1], ARGV[2])
      if added == 1 then
        redis.call('INCR', KEYS[2])
        redis.call('PUBLISH', ARGV[3], ARGV[4])
      end
      return {added, redis.call('ZREVRANK', KEYS[1], ARGV[2])}
      """;
  /**
   * Members per places script: each runs in a few milliseconds, so Redis serves others between them; the same as a
   * slice of watchers, so each slice of a refresh is one script.
   */
  private static final int PLACES_SLICE = LeaderboardWatches.SLICE;
  /** Rank and key of each member on the board (members not on it are left out): member, rank, key, ... */
  private static final String PLACES = """
      local found = {}
      for _, member in ipairs(ARGV) do
        local rank = redis.call('ZREVRANK', KEYS[1], member)
        if rank then
          found[#found + 1] = member
          found[#found + 1] = rank
          found[#found + 1] = redis.call('ZSCORE', KEYS[1], member)
        end
      end
      return found
      """;
  /** The version bump and change notice after a change, in one call. */
  private static final String CHANGED = """
      local version = redis.call('INCR', KEYS[1])
      redis.call('PUBLISH', ARGV[1], ARGV[2])
      return version
      """;

  private final RedissonClient redis;

  public RedisLeaderboard(RedissonClient redis) {
    this.redis = requireNonNull(redis, "redis");
  }

  static String boardKey(String challengeId) {
    return "fitmesh:board:" + challengeId;
  }

  private static String versionKey(String challengeId) {
    return boardKey(challengeId) + ":version";
  }

  private RScoredSortedSet<String> board(String challengeId) {
    return redis.getScoredSortedSet(boardKey(challengeId), StringCodec.INSTANCE);
  }

  @Override
  public Placement addIfAbsent(String challengeId, String athleteId, double key) {
    List<Object> reply = call(() -> redis.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE,
        ADD_IF_ABSENT, RScript.ReturnType.LIST, List.of(boardKey(challengeId), versionKey(challengeId)),
        Double.toString(key), athleteId, CHANGES, challengeId));
    return new Placement(((Number) reply.get(0)).longValue() == 1, ((Number) reply.get(1)).longValue());
  }

  @Override
  public void updateExisting(String challengeId, Map<String, Double> keys) {
    if (keys.isEmpty()) {
      return;
    }
    call(() -> {
      List<CompletableFuture<?>> slices = new ArrayList<>();
      Map<String, Double> slice = new HashMap<>();
      for (Map.Entry<String, Double> e : keys.entrySet()) {
        slice.put(e.getKey(), e.getValue());
        if (slice.size() == UPDATE_SLICE) {
          slices.add(board(challengeId).addAllIfExistAsync(slice).toCompletableFuture());
          slice = new HashMap<>();
        }
      }
      if (!slice.isEmpty()) {
        slices.add(board(challengeId).addAllIfExistAsync(slice).toCompletableFuture());
      }
      CompletableFuture.allOf(slices.toArray(CompletableFuture[]::new)).join();
      return changed(challengeId);
    });
  }

  @Override
  public void remove(String challengeId, String athleteId) {
    call(() -> {
      RBatch batch = redis.createBatch(BatchOptions.defaults());
      batch.<String>getScoredSortedSet(boardKey(challengeId), StringCodec.INSTANCE).removeAsync(athleteId);
      batch.getScript(StringCodec.INSTANCE).evalAsync(RScript.Mode.READ_WRITE, CHANGED, RScript.ReturnType.LONG,
          List.of(versionKey(challengeId)), CHANGES, challengeId);
      return batch.execute();
    });
  }

  @Override
  public OptionalLong rank(String challengeId, String athleteId) {
    Integer rank = call(() -> board(challengeId).revRank(athleteId));
    return rank == null ? OptionalLong.empty() : OptionalLong.of(rank);
  }

  @Override
  public Map<String, Place> places(String challengeId, List<String> athleteIds) {
    return call(() -> {
      List<CompletableFuture<List<Object>>> slices = new ArrayList<>();
      for (int from = 0; from < athleteIds.size(); from += PLACES_SLICE) {
        Object[] members = athleteIds.subList(from, Math.min(athleteIds.size(), from + PLACES_SLICE)).toArray();
        slices.add(redis.getScript(StringCodec.INSTANCE).<List<Object>>evalAsync(RScript.Mode.READ_ONLY, PLACES,
            RScript.ReturnType.LIST, List.of(boardKey(challengeId)), members).toCompletableFuture());
      }
      Map<String, Place> places = new HashMap<>();
      for (CompletableFuture<List<Object>> slice : slices) {
        List<Object> found = slice.join();
        for (int i = 0; i + 2 < found.size(); i += 3) {
          places.put((String) found.get(i), new Place(((Number) found.get(i + 1)).longValue(),
              Double.parseDouble((String) found.get(i + 2))));
        }
      }
      return places;
    });
  }

  @Override
  public List<Entry> range(String challengeId, long from, long to) {
    return call(() -> {
      List<Entry> entries = new ArrayList<>();
      for (ScoredEntry<String> e : board(challengeId).entryRangeReversed((int) from, (int) to)) {
        entries.add(new Entry(e.getValue(), e.getScore()));
      }
      return entries;
    });
  }

  @Override
  public long size(String challengeId) {
    return call(() -> board(challengeId).size());
  }

  @Override
  public long countAbove(String challengeId, double key) {
    return call(() -> board(challengeId).count(key, false, Double.POSITIVE_INFINITY, true));
  }

  @Override
  public long version(String challengeId) {
    return call(() -> redis.getAtomicLong(versionKey(challengeId)).get());
  }

  @Override
  public void replace(String challengeId, Map<String, Double> keys) {
    call(() -> {
      String staging = boardKey(challengeId) + ":rebuild";
      RScoredSortedSet<String> fresh = redis.getScoredSortedSet(staging, StringCodec.INSTANCE);
      fresh.delete();
      Map<String, Double> chunk = new HashMap<>();
      for (Map.Entry<String, Double> e : keys.entrySet()) {
        chunk.put(e.getKey(), e.getValue());
        if (chunk.size() == LOAD_CHUNK) {
          fresh.addAll(chunk);
          chunk.clear();
        }
      }
      if (!chunk.isEmpty()) {
        fresh.addAll(chunk);
      }
      if (keys.isEmpty()) {
        board(challengeId).delete();
      } else {
        fresh.rename(boardKey(challengeId));
      }
      return changed(challengeId);
    });
  }

  private long changed(String challengeId) {
    return redis.getScript(StringCodec.INSTANCE).<Long>eval(RScript.Mode.READ_WRITE, CHANGED,
        RScript.ReturnType.LONG, List.of(versionKey(challengeId)), CHANGES, challengeId);
  }

  @Override
  public AutoCloseable onChange(Consumer<String> changed) {
    RTopic topic = redis.getTopic(CHANGES, StringCodec.INSTANCE);
    int listener = call(() -> topic.addListener(String.class, (channel, challengeId) -> changed.accept(challengeId)));
    return () -> topic.removeListener(listener);
  }

  /**
   * Any failure of Redis (a Redisson exception, or one it wraps: timeouts, closed connections, a client shut down)
   * is UNAVAILABLE, never an internal error: the caller may retry.
   */
  private static <T> T call(Supplier<T> operation) {
    try {
      return operation.get();
    } catch (DomainException e) {
      throw e;
    } catch (RuntimeException e) {
      throw DomainException.unavailable("leaderboard unavailable", e);
    }
  }
}
