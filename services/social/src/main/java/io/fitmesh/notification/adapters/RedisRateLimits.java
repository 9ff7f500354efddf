package io.fitmesh.notification.adapters;

import static java.util.Objects.requireNonNull;

import io.fitmesh.notification.domain.RateLimits;
import io.fitmesh.platform.errors.DomainException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/** Push counts per recipient and window as Redis counters that expire with their window. */
public final class RedisRateLimits implements RateLimits {
  private static final String INCREMENT = """
      local n = redis.call('INCR', KEYS[1])
      if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
      return n
      """;

  private final RedissonClient redis;

  public RedisRateLimits(RedissonClient redis) {
    this.redis = requireNonNull(redis, "redis");
  }

  @Override
  public long increment(String recipientId, Instant windowStart, Duration window) {
    try {
      Long n = redis.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, INCREMENT, RScript.ReturnType.LONG,
          List.of("fitmesh:push-rate:{" + recipientId + "}:" + windowStart.toEpochMilli()),
          Long.toString(window.multipliedBy(2).toMillis()));
      return n;
    } catch (RuntimeException e) {
      throw DomainException.unavailable("rate limits unavailable", e);
    }
  }
}
