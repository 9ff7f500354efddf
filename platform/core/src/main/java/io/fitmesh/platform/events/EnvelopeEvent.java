package io.fitmesh.platform.events;

import static java.util.Objects.requireNonNull;

import io.fitmesh.events.v1.EventEnvelope;
import io.fitmesh.platform.domain.PendingEvent;

/** A pending event as stores write it into their outbox: the envelope, its event id fixed. */
public record EnvelopeEvent(EventEnvelope envelope) implements PendingEvent {

  public EnvelopeEvent {
    requireNonNull(envelope, "envelope");
  }

  /** The envelope of an event made by an events adapter of this process. */
  public static EventEnvelope envelopeOf(PendingEvent event) {
    return ((EnvelopeEvent) event).envelope();
  }
}
