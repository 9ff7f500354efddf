package io.fitmesh.platform.events;

import static java.util.Objects.requireNonNull;

import io.fitmesh.events.v1.EventEnvelope;
import java.time.Clock;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded-mode event bus: the semantics of {@link PulsarEventBus} in one JVM, without durability across
 * restarts. Subscriptions are durable while the JVM lives (a subscription with no consumer keeps a backlog);
 * events of one key go to one consumer of a subscription, in order; a failed event is redelivered after the
 * subscription's delay and goes to {@link SubscriptionSpec#deadLetterTopic()} after the last attempt. When a
 * consumer joins or leaves, keys are re-spread over the consumers, as Key_Shared does. Dead letters are also
 * kept for {@link #deadLetters} and {@link #replayDeadLetters} while the JVM lives.
 */
public final class InMemoryEventBus extends AbstractEventBus {
  private static final Logger log = LoggerFactory.getLogger(InMemoryEventBus.class);

  private final Map<String, Map<String, InMemorySubscription>> topics = new ConcurrentHashMap<>();
  private final ScheduledExecutorService redeliveries;
  private final Deque<DeadLetter> deadLetters = new ConcurrentLinkedDeque<>();

  public InMemoryEventBus(EventTracing tracing, Clock clock) {
    super(tracing, clock);
    this.redeliveries = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "in-memory-bus-redelivery");
      t.setDaemon(true);
      return t;
    });
  }

  @Override
  CompletableFuture<Void> send(EventEnvelope envelope) {
    deliverToSubscriptions(envelope);
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public EventSubscription subscribe(SubscriptionSpec spec, EventHandler handler) {
    requireNonNull(spec, "spec");
    requireNonNull(handler, "handler");
    if (spec.ephemeral()) {
      InMemorySubscription live = new InMemorySubscription(spec, this);
      String key = spec.subscription() + "#" + java.util.UUID.randomUUID();
      subscriptionsOf(spec.topic()).put(key, live);
      EventSubscription consumer = live.addConsumer(handler);
      return () -> {
        subscriptionsOf(spec.topic()).remove(key);
        consumer.close();
      };
    }
    InMemorySubscription subscription = subscriptionsOf(spec.topic())
        .computeIfAbsent(spec.subscription(), name -> new InMemorySubscription(spec, this));
    return subscription.addConsumer(handler);
  }

  @Override
  public List<DeadLetter> deadLetters(Predicate<DeadLetter> which, int limit) {
    return deadLetters.stream().filter(which).limit(limit).toList();
  }

  @Override
  public synchronized int replayDeadLetters(Predicate<DeadLetter> which, Consumer<DeadLetter> onReplayed) {
    int replayed = 0;
    for (DeadLetter letter : List.copyOf(deadLetters)) {
      if (which.test(letter)) {
        publish(letter.envelope()).join();
        deadLetters.remove(letter);
        onReplayed.accept(letter);
        replayed++;
      }
    }
    return replayed;
  }

  @Override
  public void close() {
    topics.values().forEach(subs -> subs.values().forEach(InMemorySubscription::closeAll));
    redeliveries.shutdownNow();
  }

  private Map<String, InMemorySubscription> subscriptionsOf(String topic) {
    return topics.computeIfAbsent(topic, t -> new ConcurrentHashMap<>());
  }

  private void deliverToSubscriptions(EventEnvelope envelope) {
    subscriptionsOf(envelope.getTopic()).values().forEach(s -> s.offer(new Delivery(envelope, 1)));
  }

  /** Called on a consumer thread with the outcome of one attempt. */
  void settle(InMemorySubscription subscription, Delivery delivery, Exception failure) {
    if (failure == null) {
      return;
    }
    SubscriptionSpec spec = subscription.spec();
    if (spec.ephemeral()) {
      log.warn("live handler of {} failed on event {}; dropped", spec.subscription(),
          delivery.envelope().getEventId(), failure);
      return;
    }
    if (delivery.attempt() >= spec.maxAttempts()) {
      log.warn("event {} on {} failed {} times in {}; moving it to {}", delivery.envelope().getEventId(),
          spec.topic(), delivery.attempt(), spec.subscription(), spec.deadLetterTopic(), failure);
      deadLetters.add(new DeadLetter(spec.subscription(), delivery.envelope()));
      EventEnvelope dead = delivery.envelope().toBuilder().setTopic(spec.deadLetterTopic()).build();
      deliverToSubscriptions(dead);
      return;
    }
    Delivery next = new Delivery(delivery.envelope(), delivery.attempt() + 1);
    redeliveries.schedule(() -> subscription.offer(next), spec.redeliveryDelay().toMillis(), TimeUnit.MILLISECONDS);
  }

  void handle(InMemorySubscription subscription, Delivery delivery, EventHandler handler) {
    Exception failure = null;
    try {
      tracing.consume(delivery.envelope(), subscription.spec().subscription(),
          EventEnvelopes.toEvent(delivery.envelope(), delivery.attempt()), handler);
    } catch (Exception e) {
      failure = e;
    }
    settle(subscription, delivery, failure);
  }

  record Delivery(EventEnvelope envelope, int attempt) {}
}
