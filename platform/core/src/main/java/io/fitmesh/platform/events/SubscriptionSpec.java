package io.fitmesh.platform.events;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * A named, durable, Key_Shared subscription to one topic. Instances of one service use the same name so they
 * split the keys between them; each consuming service uses its own name so each sees every event.
 *
 * @param maxAttempts how many times an event is handed to the handler before it goes to the dead-letter topic
 * @param redeliveryDelay how long after a failed attempt the event is handed over again
 * @param ephemeral for live fan-out (one per process, a unique name): starts at the newest event, keeps
 *     nothing once closed, one consumer only, and a failed event is dropped rather than redelivered
 */
public record SubscriptionSpec(String topic, String subscription, int maxAttempts, Duration redeliveryDelay,
    boolean ephemeral) {

  /** A durable Key_Shared subscription. */
  public SubscriptionSpec(String topic, String subscription, int maxAttempts, Duration redeliveryDelay) {
    this(topic, subscription, maxAttempts, redeliveryDelay, false);
  }

  /** An ephemeral subscription for live updates of this process only. */
  public static SubscriptionSpec ephemeral(String topic, String subscription) {
    return new SubscriptionSpec(topic, subscription, 2, Duration.ZERO, true);
  }

  public SubscriptionSpec {
    requireNonNull(topic, "topic");
    requireNonNull(subscription, "subscription");
    requireNonNull(redeliveryDelay, "redeliveryDelay");
    if (maxAttempts < 2 || maxAttempts > 100) {
      throw new IllegalArgumentException("maxAttempts must be 2..100, was " + maxAttempts);
    }
  }

  /** The topic where events that failed {@code maxAttempts} times end up, as Pulsar names it. */
  public String deadLetterTopic() {
    return deadLetterTopic(topic, subscription);
  }

  public static String deadLetterTopic(String topic, String subscription) {
    return topic + "-" + subscription + "-DLQ";
  }
}
