package io.fitmesh.platform.events;

import static java.util.Objects.requireNonNull;

import io.fitmesh.events.v1.EventEnvelope;
import java.time.Instant;

/**
 * An event a subscription gave up on after its last attempt, as it was published.
 *
 * @param subscription the consuming subscription that failed it
 * @param envelope the event, with its original topic and event id
 */
public record DeadLetter(String subscription, EventEnvelope envelope) {

  public DeadLetter {
    requireNonNull(subscription, "subscription");
    requireNonNull(envelope, "envelope");
  }

  public String topic() {
    return envelope.getTopic();
  }

  public String eventId() {
    return envelope.getEventId();
  }

  public String key() {
    return envelope.getKey();
  }

  public Instant occurredAt() {
    return Instant.ofEpochSecond(envelope.getOccurredAt().getSeconds(), envelope.getOccurredAt().getNanos());
  }

  /** The payload's message type, e.g. fitmesh.events.v1.WorkoutCompleted. */
  public String payloadType() {
    String url = envelope.getPayload().getTypeUrl();
    return url.substring(url.lastIndexOf('/') + 1);
  }
}
