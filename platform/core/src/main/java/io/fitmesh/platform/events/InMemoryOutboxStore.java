package io.fitmesh.platform.events;

import io.fitmesh.events.v1.EventEnvelope;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The embedded twin of a CQL outbox table: one shard, one process, so the lease is always held. */
public final class InMemoryOutboxStore implements OutboxStore {
  private final TreeMap<Long, EventEnvelope> waiting = new TreeMap<>();
  private long next;
  private Instant sentBefore = Instant.EPOCH;

  /** Adds an event; services call it inside their store's lock, with the change it announces. */
  public synchronized void add(EventEnvelope envelope) {
    waiting.put(next++, envelope);
  }

  @Override
  public int shards() {
    return 1;
  }

  @Override
  public boolean hold(int shard, String owner, Duration ttl) {
    return true;
  }

  @Override
  public void release(int shard, String owner) {}

  @Override
  public synchronized List<Pending> pending(int shard, Pending after, Instant since, int limit) {
    Map<Long, EventEnvelope> from = after == null ? waiting : waiting.tailMap(Long.parseLong(after.position()), false);
    List<Pending> page = new ArrayList<>();
    for (Map.Entry<Long, EventEnvelope> e : from.entrySet()) {
      if (page.size() == limit) {
        break;
      }
      page.add(new Pending(0, Long.toString(e.getKey()), e.getValue()));
    }
    return page;
  }

  @Override
  public synchronized void removeAll(List<Pending> events) {
    events.forEach(event -> waiting.remove(Long.parseLong(event.position())));
  }

  @Override
  public synchronized Instant sentBefore(int shard) {
    return sentBefore;
  }

  @Override
  public synchronized void recordSentBefore(int shard, Instant before) {
    sentBefore = before;
  }
}
