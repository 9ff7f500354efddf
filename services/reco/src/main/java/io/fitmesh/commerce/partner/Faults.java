package io.fitmesh.commerce.partner;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Switches the {@link ReferenceCatalogue}'s faults while it runs; each change applies to questions that arrive
 * afterwards, in every region. Methods return this, so changes chain.
 */
public final class Faults {
  private final AtomicReference<FaultPlan> plan;

  Faults(FaultPlan atStart) {
    this.plan = new AtomicReference<>(requireNonNull(atStart, "atStart"));
  }

  /** Answers are sent {@code delay} late; {@link Duration#ZERO} for prompt answers. */
  public Faults latency(Duration delay) {
    requireNonNull(delay, "delay");
    plan.updateAndGet(p -> p.withLatency(delay));
    return this;
  }

  /** Every question is answered with {@code status} (400 to 599); 0 to answer normally again. */
  public Faults failWith(int status) {
    plan.updateAndGet(p -> p.withFailStatus(status));
    return this;
  }

  /** Whether questions are answered 200 with text that is not JSON. */
  public Faults malformed(boolean on) {
    plan.updateAndGet(p -> p.withMalformed(on));
    return this;
  }

  /** Whether answers carry 2 MB of padding. */
  public Faults oversized(boolean on) {
    plan.updateAndGet(p -> p.withOversized(on));
    return this;
  }

  /** No fault any more. */
  public Faults reset() {
    plan.set(FaultPlan.NONE);
    return this;
  }

  public FaultPlan current() {
    return plan.get();
  }
}
