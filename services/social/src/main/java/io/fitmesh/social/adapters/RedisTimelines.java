package io.fitmesh.social.adapters;

import static java.util.Objects.requireNonNull;

import io.fitmesh.platform.errors.DomainException;
import io.fitmesh.social.domain.TimelineEntry;
import io.fitmesh.social.domain.Timelines;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.redisson.api.BatchOptions;
import org.redisson.api.RBatch;
import org.redisson.api.RScoredSortedSet;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.client.protocol.ScoredEntry;

/**
 * Home timelines as Redis sorted sets {@code fitmesh:tl:{athlete}} (member {@code workoutId|authorId}, score the
 * start in epoch millis, so equal starts order by workout id as the domain does) beside a marker
 * {@code fitmesh:tl:{athlete}:built}. Both expire after {@code inactivity} unless read; fan-out writes only where
 * the marker exists, in one pipelined script per follower, and trims to the cap. The braces keep an athlete's
 * two keys in one cluster slot.
 */
public final class RedisTimelines implements Timelines {
  /** ZADD only where the timeline is built; trim back to the cap once it is an eighth over. */
  private static final String ADD_IF_BUILT = """
      if redis.call('EXISTS', KEYS[2]) == 1 then
        redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
        local cap = tonumber(ARGV[3])
        if redis.call('ZCARD', KEYS[1]) > cap + math.floor(cap / 8) then
          redis.call('ZREMRANGEBYRANK', KEYS[1], 0, -(cap + 1))
        end
        return 1
      end
      return 0
      """;

  private final RedissonClient redis;
  private final int cap;
  private final Duration inactivity;
  private volatile String addIfBuiltSha;

  public RedisTimelines(RedissonClient redis, int cap, Duration inactivity) {
    this.redis = requireNonNull(redis, "redis");
    this.cap = cap;
    this.inactivity = requireNonNull(inactivity, "inactivity");
  }

  static String timelineKey(String athleteId) {
    return "fitmesh:tl:{" + athleteId + "}";
  }

  private static String builtKey(String athleteId) {
    return timelineKey(athleteId) + ":built";
  }

  private RScoredSortedSet<String> timeline(String athleteId) {
    return redis.getScoredSortedSet(timelineKey(athleteId), StringCodec.INSTANCE);
  }

  @Override
  public boolean isBuilt(String athleteId) {
    return call(() -> redis.getBucket(builtKey(athleteId), StringCodec.INSTANCE).isExists());
  }

  @Override
  public void markBuilt(String athleteId) {
    call(() -> {
      redis.getBucket(builtKey(athleteId), StringCodec.INSTANCE).set("1", inactivity);
      return null;
    });
  }

  @Override
  public void touch(String athleteId) {
    call(() -> {
      RBatch batch = redis.createBatch(BatchOptions.defaults());
      batch.getBucket(builtKey(athleteId), StringCodec.INSTANCE).expireAsync(inactivity);
      batch.getScoredSortedSet(timelineKey(athleteId), StringCodec.INSTANCE).expireAsync(inactivity);
      return batch.execute();
    });
  }

  @Override
  public void add(String athleteId, Collection<TimelineEntry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    call(() -> {
      Map<String, Double> members = new HashMap<>();
      entries.forEach(e -> members.put(member(e), (double) e.startTime().toEpochMilli()));
      RBatch batch = redis.createBatch(BatchOptions.defaults());
      var set = batch.<String>getScoredSortedSet(timelineKey(athleteId), StringCodec.INSTANCE);
      set.addAllAsync(members);
      set.removeRangeByRankAsync(0, -(cap + 1));
      set.expireAsync(inactivity);
      return batch.execute();
    });
  }

  @Override
  public void fanOut(List<Delivery> deliveries) {
    if (deliveries.isEmpty()) {
      return;
    }
    call(() -> {
      try {
        return fanOutWith(addIfBuilt(), deliveries);
      } catch (RuntimeException e) {
        if (!String.valueOf(e.getMessage()).contains("NOSCRIPT")) {
          throw e;
        }
        addIfBuiltSha = null;
        return fanOutWith(addIfBuilt(), deliveries);
      }
    });
  }

  /** Every delivery as one pipeline of EVALSHA calls, one per follower. */
  private Object fanOutWith(String sha, List<Delivery> deliveries) {
    String capArg = Integer.toString(cap);
    RBatch batch = redis.createBatch(BatchOptions.defaults());
    for (Delivery d : deliveries) {
      String score = Long.toString(d.entry().startTime().toEpochMilli());
      String member = member(d.entry());
      for (String athleteId : d.athleteIds()) {
        batch.getScript(StringCodec.INSTANCE).evalShaAsync(RScript.Mode.READ_WRITE, sha, RScript.ReturnType.LONG,
            List.of(timelineKey(athleteId), builtKey(athleteId)), score, member, capArg);
      }
    }
    return batch.execute();
  }

  /** The script's SHA, loaded once (and again after Redis forgot it). */
  private String addIfBuilt() {
    String sha = addIfBuiltSha;
    if (sha == null) {
      sha = redis.getScript(StringCodec.INSTANCE).scriptLoad(ADD_IF_BUILT);
      addIfBuiltSha = sha;
    }
    return sha;
  }

  @Override
  public List<TimelineEntry> page(String athleteId, TimelineEntry after, int limit) {
    return call(() -> {
      List<TimelineEntry> page = new ArrayList<>(limit);
      if (after == null) {
        timeline(athleteId).entryRangeReversed(0, limit - 1).forEach(e -> page.add(entry(e)));
        return page;
      }
      double at = after.startTime().toEpochMilli();
      for (ScoredEntry<String> e : timeline(athleteId).entryRangeReversed(at, true, at, true)) {
        TimelineEntry candidate = entry(e);
        if (candidate.isAfter(after) && page.size() < limit) {
          page.add(candidate);
        }
      }
      if (page.size() < limit) {
        timeline(athleteId).entryRangeReversed(Double.NEGATIVE_INFINITY, true, at, false, 0, limit - page.size())
            .forEach(e -> page.add(entry(e)));
      }
      return page;
    });
  }

  @Override
  public void remove(String athleteId, Collection<TimelineEntry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    call(() -> timeline(athleteId).removeAll(entries.stream().map(RedisTimelines::member).toList()));
  }

  @Override
  public void drop(String athleteId) {
    call(() -> redis.getKeys().delete(timelineKey(athleteId), builtKey(athleteId)));
  }

  private static String member(TimelineEntry e) {
    return e.workoutId() + "|" + e.authorId();
  }

  private static TimelineEntry entry(ScoredEntry<String> e) {
    String member = e.getValue();
    int bar = member.indexOf('|');
    return new TimelineEntry(member.substring(0, bar), member.substring(bar + 1),
        Instant.ofEpochMilli(e.getScore().longValue()));
  }

  private static <T> T call(Supplier<T> work) {
    try {
      return work.get();
    } catch (RuntimeException e) {
      throw DomainException.unavailable("timelines unavailable", e);
    }
  }
}
