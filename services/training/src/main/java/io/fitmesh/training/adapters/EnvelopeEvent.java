package io.fitmesh.training.adapters;

import io.fitmesh.events.v1.EventEnvelope;
import io.fitmesh.training.domain.PendingEvent;

/** A pending event as the stores write it: the envelope, event id fixed. */
public record EnvelopeEvent(EventEnvelope envelope) implements PendingEvent {

  static EventEnvelope envelopeOf(PendingEvent event) {
    return ((EnvelopeEvent) event).envelope();
  }
}
