package io.fitmesh.notification.domain;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/** How one push to one device went, as the push service answered. */
public sealed interface PushResult {

  /** The push service took it. */
  record Delivered() implements PushResult {}

  /** The token is dead (APNs 410 or BadDeviceToken, FCM UNREGISTERED): the device is removed, never retried. */
  record DeadToken(String reason) implements PushResult {
    public DeadToken {
      requireNonNull(reason, "reason");
    }
  }

  /**
   * Try again, not before {@code after} (the service's Retry-After when it gave one, else zero: the caller backs
   * off): 429, 5xx, a connection that failed or timed out.
   */
  record RetryLater(Duration after, String reason) implements PushResult {
    public RetryLater {
      requireNonNull(after, "after");
      requireNonNull(reason, "reason");
    }
  }

  /** Refused for good for this message (payload too large, bad topic, bad credentials): logged, not retried. */
  record Failed(String reason) implements PushResult {
    public Failed {
      requireNonNull(reason, "reason");
    }
  }
}
