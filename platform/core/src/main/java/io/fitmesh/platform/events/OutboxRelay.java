package io.fitmesh.platform.events;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes what an {@link OutboxStore} holds, one active relay per shard: a relay drains only the shards whose
 * lease it holds (renewed every {@link #RENEW}; another instance takes a shard over once the lease lapses), at
 * once when nudged after a local write (a burst of nudges asks for one round) and every interval otherwise. One
 * thread publishes; it hands a whole read of events to the bus in order without waiting for each answer (the
 * producer keeps them in order) and forgets those the bus acknowledged, so events of a key leave in the order they
 * were written.
 * Each round reads after where the last one stopped, and now and then, after that read, also looks back
 * {@link #LOOK_BACK} for writes that committed late. The cursor so follows what the round sent, and later rounds
 * do not read again the tombstones of rows a look-back sent (but for rows written between those two reads, until
 * the next event moves the cursor). Where a shard stands (every event before a time published) is recorded with each
 * lease renewal and when the relay stops, so a relay that takes the shard over starts there rather than at the first
 * tombstone. An event that cannot be published stays and is retried with its event id, so consumers see it once
 * however often it is sent.
 */
public final class OutboxRelay implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
  private static final int BATCH = 500;
  static final Duration RENEW = Duration.ofSeconds(5);
  static final Duration LOOK_BACK = Duration.ofSeconds(30);

  private final String owner;
  private final OutboxStore store;
  private final EventBus bus;
  private final Clock clock;
  private final ScheduledExecutorService thread;
  private final Set<Integer> held = new HashSet<>();
  private final Map<Integer, OutboxStore.Pending> cursors = new HashMap<>();
  private final Map<Integer, Instant> readFrom = new HashMap<>();
  private final Map<Integer, Instant> recorded = new HashMap<>();
  private Instant renewedAt = Instant.EPOCH;
  private Instant lookedBackAt = Instant.EPOCH;
  private volatile boolean failing;
  private final AtomicBoolean nudged = new AtomicBoolean();

  public OutboxRelay(String name, OutboxStore store, EventBus bus, Duration interval) {
    this(name, store, bus, interval, Clock.systemUTC());
  }

  OutboxRelay(String name, OutboxStore store, EventBus bus, Duration interval, Clock clock) {
    this.owner = name + "-" + UUID.randomUUID();
    this.store = requireNonNull(store, "store");
    this.bus = requireNonNull(bus, "bus");
    this.clock = requireNonNull(clock, "clock");
    this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, name + "-outbox-relay");
      t.setDaemon(true);
      return t;
    });
    thread.scheduleWithFixedDelay(this::roundQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Asks for a round now (after a write added events). Nudges that arrive while a round is already asked for join
   * it: every write made before that round starts is read by it, so a burst of writes costs one round, not one each.
   */
  public void nudge() {
    if (nudged.compareAndSet(false, true)) {
      thread.execute(() -> {
        nudged.set(false);
        roundQuietly();
      });
    }
  }

  /** The shards this relay holds now (for tests and logs). */
  Set<Integer> heldShards() {
    try {
      return thread.submit(() -> Set.copyOf(held)).get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * One round: every held shard is drained even when another cannot be (a shard whose read fails, say, on too many
   * tombstones holds back only its own events); a failure is logged once until a round succeeds again.
   */
  private void roundQuietly() {
    RuntimeException failure = null;
    try {
      Instant now = clock.instant();
      if (!now.isBefore(renewedAt.plus(RENEW))) {
        renewLeases();
        renewedAt = now;
      }
      boolean lookBack = !now.isBefore(lookedBackAt.plus(LOOK_BACK.dividedBy(3)));
      for (int shard : held) {
        try {
          boolean readBefore = readFrom.containsKey(shard);
          drain(shard, false);
          if (lookBack && readBefore) {
            drain(shard, true);
          }
        } catch (RuntimeException e) {
          failure = e;
        }
      }
      if (lookBack) {
        lookedBackAt = now;
      }
    } catch (RuntimeException e) {
      failure = e;
    }
    if (failure != null && !failing) {
      log.warn("outbox relay cannot publish now; events stay in the outbox and are retried", failure);
      failing = true;
    } else if (failure == null && failing) {
      log.info("outbox relay publishing again");
      failing = false;
    }
  }

  /**
   * Renews the leases; a shard just taken is read from where its last holder recorded every event before as
   * published, and for each shard held this relay records where it stands now.
   */
  private void renewLeases() {
    for (int shard = 0; shard < store.shards(); shard++) {
      if (store.hold(shard, owner, OutboxStore.LEASE)) {
        if (held.add(shard)) {
          forget(shard);
          Instant checkpoint = store.sentBefore(shard);
          if (checkpoint.isAfter(Instant.EPOCH)) {
            readFrom.put(shard, checkpoint);
          }
          log.info("{} took outbox shard {}, reading from {}", owner, shard, checkpoint);
        } else {
          recordSentBefore(shard);
        }
      } else if (held.remove(shard)) {
        forget(shard);
        log.info("{} lost outbox shard {} to another relay", owner, shard);
      }
    }
  }

  private void recordSentBefore(int shard) {
    Instant before = readFrom.get(shard);
    if (before != null && !before.equals(recorded.get(shard))) {
      store.recordSentBefore(shard, before);
      recorded.put(shard, before);
    }
  }

  private void forget(int shard) {
    cursors.remove(shard);
    readFrom.remove(shard);
    recorded.remove(shard);
  }

  private void releaseLeases() {
    for (int shard : held) {
      try {
        recordSentBefore(shard);
        store.release(shard, owner);
      } catch (RuntimeException e) {
        log.info("{} could not give up outbox shard {}; it lapses in {}", owner, shard, OutboxStore.LEASE);
      }
    }
    held.clear();
  }

  /**
   * Publishes the shard's waiting events: after the cursor, or, without one (a shard just taken, or nothing sent
   * yet), from where this relay last read or the shard's last holder recorded; a look-back reads the last
   * {@link #LOOK_BACK} instead and leaves the cursor where it is.
   */
  private void drain(int shard, boolean lookBack) {
    Instant now = clock.instant();
    OutboxStore.Pending after = lookBack ? null : cursors.get(shard);
    Instant since = lookBack ? now.minus(LOOK_BACK) : readFrom.getOrDefault(shard, Instant.EPOCH);
    List<OutboxStore.Pending> batch;
    do {
      batch = store.pending(shard, after, since, BATCH);
      List<OutboxStore.Pending> sent = new ArrayList<>(batch.size());
      RuntimeException failed = publishInOrder(batch, sent);
      store.removeAll(sent);
      if (!sent.isEmpty()) {
        after = sent.get(sent.size() - 1);
        if (!lookBack) {
          cursors.put(shard, after);
        }
      }
      if (failed != null) {
        throw failed;
      }
    } while (batch.size() == BATCH);
    readFrom.put(shard, now.minus(LOOK_BACK));
  }

  /**
   * Hands the events of the batch to the bus one after the other without waiting for the answers, stopping at one
   * the bus refuses at once (a full send queue, a producer it cannot make), then waits for the answers in order,
   * adding to {@code sent} those up to the first that failed; returns that failure (null when all were sent). A
   * producer keeps its sends in order and fails those queued behind one that timed out, so what stays in the outbox
   * is the failed event and everything after it, sent again by a later round in the same order.
   */
  private RuntimeException publishInOrder(List<OutboxStore.Pending> batch, List<OutboxStore.Pending> sent) {
    List<CompletableFuture<String>> sends = new ArrayList<>(batch.size());
    for (OutboxStore.Pending event : batch) {
      CompletableFuture<String> send = bus.publish(event.envelope());
      sends.add(send);
      if (send.isCompletedExceptionally()) {
        break;
      }
    }
    for (int i = 0; i < sends.size(); i++) {
      try {
        sends.get(i).join();
      } catch (CompletionException e) {
        return e.getCause() instanceof RuntimeException r ? r : e;
      } catch (RuntimeException e) {
        return e;
      }
      sent.add(batch.get(i));
    }
    return null;
  }

  /** Stops after the round under way and gives its shards up, so another instance's relay takes them at once. */
  @Override
  public void close() {
    if (thread.isShutdown()) {
      return;
    }
    thread.execute(this::releaseLeases);
    thread.shutdown();
    try {
      thread.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
