package io.fitmesh.notification.adapters;

import io.fitmesh.notification.domain.Claims;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The embedded twin of {@link RedisClaims}. */
public final class InMemoryClaims implements Claims {
  private final Map<String, Instant> taken = new ConcurrentHashMap<>();
  private final Clock clock;

  public InMemoryClaims(Clock clock) {
    this.clock = clock;
  }

  @Override
  public boolean claim(String key, Duration ttl) {
    Instant now = clock.instant();
    boolean[] won = {false};
    taken.compute(key, (k, until) -> {
      if (until == null || !now.isBefore(until)) {
        won[0] = true;
        return now.plus(ttl);
      }
      return until;
    });
    return won[0];
  }

  @Override
  public void release(String key) {
    taken.remove(key);
  }
}
