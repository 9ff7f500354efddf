package io.fitmesh.platform.events;

import io.fitmesh.events.v1.EventEnvelope;
import java.util.List;

/**
 * Events written in the same atomic step as the state change they announce, waiting to be published. The
 * {@link OutboxRelay} reads them in write order per key, publishes them and removes them.
 */
public interface OutboxStore {

  /** Up to {@code limit} waiting events, oldest first within each key. */
  List<EventEnvelope> pending(int limit);

  /** Forgets an event once the bus has it. */
  void remove(EventEnvelope envelope);
}
