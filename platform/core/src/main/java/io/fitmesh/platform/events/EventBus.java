package io.fitmesh.platform.events;

import com.google.protobuf.Message;
import io.fitmesh.events.v1.EventEnvelope;
import java.util.concurrent.CompletableFuture;

/**
 * The event bus port. Every adapter keeps the same semantics: delivery at least once, in order per key to one
 * consumer of a subscription at a time (Key_Shared), redelivery after a failed handler, and dead letter after
 * {@link SubscriptionSpec#maxAttempts()} attempts. Consumers must be idempotent by {@link Event#eventId()}.
 */
public interface EventBus extends AutoCloseable {

  /**
   * Publishes one event. The returned future completes with the event id once the broker has stored the event,
   * or fails with an UNAVAILABLE {@link io.fitmesh.platform.errors.DomainException} when it cannot. Callers must
   * not acknowledge work to a client before it completes (or before the event is in a durable outbox).
   */
  default CompletableFuture<String> publish(String topic, String key, Message payload) {
    return publish(envelope(topic, key, payload));
  }

  /**
   * Builds the envelope of an event without sending it: a fresh event id, now, and the caller's trace context.
   * Store it (an outbox) and {@link #publish(EventEnvelope)} it later: retries keep the event id, so
   * consumers see one event however often it is sent.
   */
  EventEnvelope envelope(String topic, String key, Message payload);

  /** Publishes a prepared envelope; same guarantees as {@link #publish(String, String, Message)}. */
  CompletableFuture<String> publish(EventEnvelope envelope);

  /** Starts consuming a durable named subscription; events published before it existed are delivered too. */
  EventSubscription subscribe(SubscriptionSpec spec, EventHandler handler);

  /**
   * Like {@link #subscribe}, but hands over up to {@code maxBatch} events that are ready at once, still in
   * order per key, so a consumer can write them in one round trip. This default hands over batches of one.
   */
  default EventSubscription subscribeBatches(SubscriptionSpec spec, int maxBatch, BatchEventHandler handler) {
    return subscribe(spec, e -> handler.handle(java.util.List.of(e)));
  }

  /** Stops every consumer and producer; in-flight publishes are flushed first. */
  @Override
  void close();
}
