package io.fitmesh.platform.events;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.Message;
import io.fitmesh.events.v1.EventEnvelope;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import io.grpc.Context;
import io.grpc.Deadline;

/**
 * What every adapter shares: envelopes and the PRODUCER span around each send. An adapter only sends an
 * envelope and runs consumers.
 */
abstract class AbstractEventBus implements EventBus {
  protected final EventTracing tracing;
  private final Clock clock;

  AbstractEventBus(EventTracing tracing, Clock clock) {
    this.tracing = requireNonNull(tracing, "tracing");
    this.clock = requireNonNull(clock, "clock");
  }

  @Override
  public EventEnvelope envelope(String topic, String key, Message payload) {
    requireNonNull(topic, "topic");
    requireNonNull(key, "key");
    requireNonNull(payload, "payload");
    return EventEnvelopes.wrap(topic, key, payload, tracing.currentContext(), clock.instant());
  }

  @Override
  public CompletableFuture<String> publish(EventEnvelope envelope) {
    requireNonNull(envelope, "envelope");
    Span span = tracing.startPublish(envelope);
    EventEnvelope traced = envelope.toBuilder()
        .clearTraceContext()
        .putAllTraceContext(tracing.contextOf(span))
        .build();
    CompletableFuture<Void> sent;
    try {
      sent = send(traced);
    } catch (RuntimeException e) {
      sent = CompletableFuture.failedFuture(e);
    }
    Deadline deadline = Context.current().getDeadline();
    if (deadline != null) {
      // A send made for a call waits no longer than the call may: its caller gets UNAVAILABLE, not a timeout.
      sent = sent.orTimeout(Math.max(1, deadline.timeRemaining(TimeUnit.MILLISECONDS)), TimeUnit.MILLISECONDS);
    }
    return sent.handle((ok, failure) -> {
      if (failure != null) {
        span.recordException(failure);
        span.setStatus(StatusCode.ERROR);
        span.end();
        throw io.fitmesh.platform.errors.DomainException.unavailable(
            "event bus unavailable: could not publish to " + envelope.getTopic(), failure);
      }
      span.end();
      return envelope.getEventId();
    });
  }

  /** Hands the envelope to the broker; completes once it is stored. */
  abstract CompletableFuture<Void> send(EventEnvelope envelope);
}
