package io.fitmesh.commerce.partner;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * The faults the {@link ReferenceCatalogue} puts into its answers, for tests and demos.
 *
 * @param latency every answer, failed or not, is sent this much later
 * @param failStatus when not 0, every question is answered with this HTTP status (400 to 599) and no items
 * @param malformed every question is answered 200 with text that is not JSON
 * @param oversized every answer carries 2 MB of padding, more than a client should read
 */
public record FaultPlan(Duration latency, int failStatus, boolean malformed, boolean oversized) {
  /** No fault: prompt, correct answers. */
  public static final FaultPlan NONE = new FaultPlan(Duration.ZERO, 0, false, false);

  public FaultPlan {
    requireNonNull(latency, "latency");
    if (latency.isNegative()) {
      throw new IllegalArgumentException("latency is never negative");
    }
    if (failStatus != 0 && (failStatus < 400 || failStatus > 599)) {
      throw new IllegalArgumentException("failStatus is 0 (none) or an HTTP error status, 400 to 599");
    }
  }

  FaultPlan withLatency(Duration latency) {
    return new FaultPlan(latency, failStatus, malformed, oversized);
  }

  FaultPlan withFailStatus(int failStatus) {
    return new FaultPlan(latency, failStatus, malformed, oversized);
  }

  FaultPlan withMalformed(boolean malformed) {
    return new FaultPlan(latency, failStatus, malformed, oversized);
  }

  FaultPlan withOversized(boolean oversized) {
    return new FaultPlan(latency, failStatus, malformed, oversized);
  }
}
