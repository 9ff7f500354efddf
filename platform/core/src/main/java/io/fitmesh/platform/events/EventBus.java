package io.fitmesh.platform.events;

import com.google.protobuf.Message;
import io.fitmesh.events.v1.EventEnvelope;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The event bus port. Every adapter keeps the same semantics: delivery at least once, in order per key to one
 * consumer of a subscription at a time (Key_Shared), redelivery after a failed handler, and dead letter after
 * {@link SubscriptionSpec#maxAttempts()} attempts. An event may arrive more than once and, across topics, in any
 * order: consumers must be idempotent by {@link Event#eventId()} and order-independent per entity (versions,
 * event times or tombstones).
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

  /**
   * The dead letters {@code which} accepts, of every subscription, oldest first per topic, at most {@code limit};
   * they stay where they are. Only one dead-letter read or replay runs at a time (FAILED_PRECONDITION).
   */
  List<DeadLetter> deadLetters(Predicate<DeadLetter> which, int limit);

  /**
   * Publishes each dead letter {@code which} accepts to its topic again, with its event id, and removes it from
   * the dead letters once the broker has stored it; the others stay. Every subscription of the topic sees the
   * event again (consumers are idempotent per event and entity). {@code onReplayed} is told of each one.
   *
   * @return how many were replayed
   */
  int replayDeadLetters(Predicate<DeadLetter> which, Consumer<DeadLetter> onReplayed);

  /** Stops every consumer and producer; in-flight publishes are flushed first. */
  @Override
  void close();
}
