package io.fitmesh.notification.domain;

import java.time.Duration;

/** Keys taken once: the first {@link #claim} of a key wins for {@code ttl}; used so an event notifies once. */
public interface Claims {

  /** True for the first claim of the key within its time. */
  boolean claim(String key, Duration ttl);

  /** Gives a claim back (its work failed and will be redone). */
  void release(String key);
}
