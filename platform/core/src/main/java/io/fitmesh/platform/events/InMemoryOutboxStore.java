package io.fitmesh.platform.events;

import io.fitmesh.events.v1.EventEnvelope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The embedded twin of a CQL outbox table; services add to it inside their store's lock. */
public final class InMemoryOutboxStore implements OutboxStore {
  private final Map<String, EventEnvelope> waiting = new LinkedHashMap<>();

  public synchronized void add(EventEnvelope envelope) {
    waiting.put(envelope.getEventId(), envelope);
  }

  @Override
  public synchronized List<EventEnvelope> pending(int limit) {
    return new ArrayList<>(waiting.values()).subList(0, Math.min(limit, waiting.size()));
  }

  @Override
  public synchronized void remove(EventEnvelope envelope) {
    waiting.remove(envelope.getEventId());
  }
}
