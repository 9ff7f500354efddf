package io.fitmesh.challenge.adapters;

import static java.util.Objects.requireNonNull;

import io.fitmesh.challenge.domain.Leaderboard;
import io.fitmesh.platform.errors.DomainException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.redisson.api.BatchOptions;
import org.redisson.api.RBatch;
import org.redisson.api.RFuture;
import org.redisson.api.RScoredSortedSet;
import org.redisson.api.RScoredSortedSetAsync;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;
import org.redisson.client.protocol.ScoredEntry;

/**
 * Boards as Redis sorted sets: {@code fitmesh:board:<challenge>} (member athlete id, score the
 * {@link io.fitmesh.challenge.domain.ScoreKey}) and a change counter {@code fitmesh:board:<challenge>:version}.
 * Batched updates are one pipelined round trip; a rebuild loads a fresh set beside the live one and renames it
 * over it, so readers never see half a board.
 */
public final class RedisLeaderboard implements Leaderboard {
  private static final int LOAD_CHUNK = 5_000;

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
  public void addIfAbsent(String challengeId, String athleteId, double key) {
    call(() -> {
      RBatch batch = redis.createBatch(BatchOptions.defaults());
      batch.<String>getScoredSortedSet(boardKey(challengeId), StringCodec.INSTANCE).tryAddAsync(key, athleteId);
      batch.getAtomicLong(versionKey(challengeId)).incrementAndGetAsync();
      return batch.execute();
    });
  }

  @Override
  public void updateExisting(String challengeId, Map<String, Double> keys) {
    if (keys.isEmpty()) {
      return;
    }
    call(() -> {
      RBatch batch = redis.createBatch(BatchOptions.defaults());
      RScoredSortedSetAsync<String> set = batch.getScoredSortedSet(boardKey(challengeId), StringCodec.INSTANCE);
      keys.forEach((athleteId, key) -> set.addIfExistsAsync(key, athleteId));
      batch.getAtomicLong(versionKey(challengeId)).incrementAndGetAsync();
      return batch.execute();
    });
  }

  @Override
  public void remove(String challengeId, String athleteId) {
    call(() -> {
      RBatch batch = redis.createBatch(BatchOptions.defaults());
      batch.<String>getScoredSortedSet(boardKey(challengeId), StringCodec.INSTANCE).removeAsync(athleteId);
      batch.getAtomicLong(versionKey(challengeId)).incrementAndGetAsync();
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
      RBatch batch = redis.createBatch(BatchOptions.defaults());
      RScoredSortedSetAsync<String> set = batch.getScoredSortedSet(boardKey(challengeId), StringCodec.INSTANCE);
      List<RFuture<Integer>> ranks = new ArrayList<>(athleteIds.size());
      List<RFuture<Double>> keys = new ArrayList<>(athleteIds.size());
      for (String athleteId : athleteIds) {
        ranks.add(set.revRankAsync(athleteId));
        keys.add(set.getScoreAsync(athleteId));
      }
      batch.execute();
      Map<String, Place> places = new HashMap<>();
      for (int i = 0; i < athleteIds.size(); i++) {
        Integer rank = ranks.get(i).toCompletableFuture().join();
        Double key = keys.get(i).toCompletableFuture().join();
        if (rank != null && key != null) {
          places.put(athleteIds.get(i), new Place(rank, key));
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
      return redis.getAtomicLong(versionKey(challengeId)).incrementAndGet();
    });
  }

  private static <T> T call(Supplier<T> operation) {
    try {
      return operation.get();
    } catch (RedisException e) {
      throw DomainException.unavailable("leaderboard unavailable", e);
    }
  }
}
