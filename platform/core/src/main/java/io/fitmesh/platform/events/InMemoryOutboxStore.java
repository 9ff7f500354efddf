package io.fitmesh.platform.events;

import io.fitmesh.events.v1.EventEnvelope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The embedded twin of a CQL outbox table: one shard, one process, so the lease is always held. An event's id is
 * the time it was added, in microseconds, each above the last (a clock set back does not reorder a key's events).
 */
public final class InMemoryOutboxStore implements OutboxStore {
  private final Clock clock;
  private final TreeMap<Long, EventEnvelope> waiting = new TreeMap<>();
  private long last = Long.MIN_VALUE;
  private Instant sentBefore = Instant.EPOCH;

  public InMemoryOutboxStore() {
    this(Clock.systemUTC());
  }

  /** Ids taken from {@code clock} (tests that move time by hand). */
  public InMemoryOutboxStore(Clock clock) {
    this.clock = clock;
  }

  /** Adds an event; services call it inside their store's lock, with the change it announces. */
  public synchronized void add(EventEnvelope envelope) {
    last = Math.max(last + 1, micros(clock.instant()));
    waiting.put(last, envelope);
  }

  /**
   * Adds an event whose id was taken at {@code idTakenAt}, the first free one from that microsecond on: a write that
   * commits late, behind ids given out since (tests).
   */
  synchronized void addTakenAt(Instant idTakenAt, EventEnvelope envelope) {
    long id = micros(idTakenAt);
    while (waiting.putIfAbsent(id, envelope) != null) {
      id++;
    }
    last = Math.max(last, id);
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
  public synchronized List<Pending> pending(int shard, Pending after, Instant since, Instant before, int limit) {
    NavigableMap<Long, EventEnvelope> from = after != null ? waiting.tailMap(Long.parseLong(after.position()), false)
        : waiting.tailMap(micros(since), true);
    if (before != null) {
      from = from.headMap(micros(before), false);
    }
    List<Pending> page = new ArrayList<>();
    for (Map.Entry<Long, EventEnvelope> e : from.entrySet()) {
      if (page.size() == limit) {
        break;
      }
      page.add(new Pending(0, Long.toString(e.getKey()), Instant.EPOCH.plus(e.getKey(), ChronoUnit.MICROS),
          e.getValue()));
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

  /** An id's time: microseconds since the epoch. */
  static long micros(Instant time) {
    return time.getEpochSecond() * 1_000_000 + time.getNano() / 1_000;
  }
}
