package io.fitmesh.commerce.adapters;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How each call to a partner is bounded.
 *
 * @param deadline the whole time a call may take, a retry included
 * @param maxConcurrent calls in flight to one region's partner at most
 * @param circuitOpenFor how long a region's partner is not asked once its circuit opened, before one trial call
 */
record CallPolicy(Duration deadline, int maxConcurrent, Duration circuitOpenFor) {
  /** A circuit opens when more than this share of the calls failed... */
  static final double FAILURE_RATE = 0.5;
  /** ...among at least this many calls... */
  static final int MIN_CALLS = 5;
  /** ...within this window, counted in steps of {@link #COUNT_STEP}. */
  static final Duration FAILURE_WINDOW = Duration.ofSeconds(10);
  static final Duration COUNT_STEP = Duration.ofMillis(100);

  CallPolicy {
    requireNonNull(deadline, "deadline");
    requireNonNull(circuitOpenFor, "circuitOpenFor");
    if (deadline.toMillis() < 1 || circuitOpenFor.toMillis() < 1) {
      throw new IllegalArgumentException("deadline and circuitOpenFor are at least 1 ms");
    }
    if (maxConcurrent < 1) {
      throw new IllegalArgumentException("maxConcurrent must be at least 1");
    }
  }

  /** How long a call waits for one of the maxConcurrent slots: a quarter of its deadline, then it is refused. */
  long slotWaitMillis() {
    return Math.max(1, deadline.toMillis() / 4);
  }

  /** The pause before the one retry: a tenth of the deadline, at most 20 ms. */
  long retryDelayMillis() {
    return Math.min(20, Math.max(1, deadline.toMillis() / 10));
  }
}
