package io.fitmesh.notification.adapters;

import io.fitmesh.notification.domain.RateLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The embedded twin of {@link RedisRateLimits} (old windows are dropped as new ones start). */
public final class InMemoryRateLimits implements RateLimits {
  private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

  @Override
  public long increment(String recipientId, Instant windowStart, Duration window) {
    String key = recipientId + "|" + windowStart.toEpochMilli();
    if (counts.size() > 100_000) {
      counts.clear();
    }
    return counts.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
  }
}
