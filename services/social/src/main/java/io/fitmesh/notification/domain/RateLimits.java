package io.fitmesh.notification.domain;

import java.time.Duration;
import java.time.Instant;

/** Counters per recipient and window, for the push rate limit. */
public interface RateLimits {

  /** Counts one more push for the recipient in the window starting at {@code windowStart}; returns the count. */
  long increment(String recipientId, Instant windowStart, Duration window);
}
