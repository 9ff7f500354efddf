package io.fitmesh.platform.events;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
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
 * <p>A round drains the shards in turn for at most {@link #RENEW} after the leases were renewed; the shards it did
 * not reach come first in the next. For each shard it reads after where the last read stopped (the cursor), and
 * every 10 s per shard, after that read (when it went to the end within the round's time), also reads the whole
 * shard from its checkpoint, for writes that committed late, behind the cursor. The checkpoint is before
 * when every event of the shard was published, assuming no write commits more than {@link #LOOK_BACK} after its id
 * was taken. A read from the checkpoint goes a slice of ids at a time (a minute, narrower on a shard whose reads
 * the store gave up on), so that no read goes through the tombstones of more than one slice and what was written
 * since the read began (Cassandra fails a read through too many; ScyllaDB cuts its page short; only the first read
 * of a shard whose checkpoint was never recorded goes in one), and each slice it sends in full moves the checkpoint
 * to the slice's end (a read cut short by the round's time: to the last event it sent), or to {@link #LOOK_BACK}
 * before the read began when that is earlier; only a read from the checkpoint moves it forward, so a look-back
 * that fails (the bus down for minutes) is made up by the next one.
 * The cursor follows what the rounds sent, so they do not read again the tombstones of rows a look-back sent (but
 * for rows written between those two reads, until the next event moves the cursor). A look-back so reads about 40 s
 * of events normally, more after an outage. The checkpoint is recorded in the store with each lease renewal and
 * when the relay stops, so a relay that takes the shard over starts there rather than at the shard's first
 * tombstone.
 * <p>An event that cannot be published stays and is retried with its event id, so consumers see it once however
 * often it is sent. A shard that cannot be read holds back only its own events; a send the bus refuses ends the
 * round (every shard shares the bus, and would wait for the same failure), and shards whose sends were refused are
 * drained after the others for the next rounds, the most recently refused last, so one that is always refused holds
 * no other back.
 */
public final class OutboxRelay implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
  private static final int BATCH = 500;
  static final Duration RENEW = Duration.ofSeconds(5);
  static final Duration LOOK_BACK = Duration.ofSeconds(30);
  /** How much of the shard, in id time, one read from the checkpoint goes through at most. */
  static final Duration SLICE = Duration.ofMinutes(1);
  /** How narrow a slice gets when the store gives up on reads through wider ones (too many tombstones in a minute). */
  static final Duration NARROWEST_SLICE = Duration.ofSeconds(1);
  /** How long a shard's slices stay narrowed after a read the store gave up on, before they double again. */
  static final Duration WIDEN_AFTER = Duration.ofMinutes(10);
  /** How many slices one read from the checkpoint goes through at most; the next goes on from where it stopped. */
  static final int SLICES = 240;

  private final String owner;
  private final OutboxStore store;
  private final EventBus bus;
  private final Clock clock;
  private final ScheduledExecutorService thread;
  /** The shards this relay holds, by number; a shard lost or given up takes what the relay knew of it along. */
  private final Map<Integer, HeldShard> held = new HashMap<>();
  private final Set<String> failing = new HashSet<>();
  private long rounds;
  /** The shard the next round starts at. */
  private int nextFirst;
  private Instant renewedAt = Instant.EPOCH;
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
      return thread.submit(() -> Set.copyOf(held.keySet())).get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * One round: renews the leases when due, then drains the shards held, in turn ({@link #inTurn}), until {@code until}
   * (5 s after the last renewal) has passed; the shards not reached by then wait for the next round, which renews the
   * leases first and starts at the first of them. Each round drains at least one shard, however long the renewal
   * took. What fails is logged once, and again when it works.
   */
  private void roundQuietly() {
    Instant now = clock.instant();
    try {
      if (due(now, renewedAt, RENEW)) {
        renewLeases();
        renewedAt = now;
      }
      worksAgain("renewing the outbox leases");
    } catch (RuntimeException e) {
      fails("renewing the outbox leases", e);
      return;
    }
    Instant until = renewedAt.plus(RENEW);
    long round = ++rounds;
    int first = nextFirst;
    nextFirst = Math.floorMod(first + 1, store.shards());
    List<HeldShard> inTurn = inTurn(held.values(), first, round);
    for (int turn = 0; turn < inTurn.size(); turn++) {
      HeldShard shard = inTurn.get(turn);
      String draining = draining(shard.number);
      try {
        boolean fromCursor = shard.cursor != null;
        boolean toTheEnd = drain(shard, false, until);
        if (!fromCursor) {
          shard.lookedBackAt = now;
        } else if (toTheEnd && !clock.instant().isAfter(until)
            && due(now, shard.lookedBackAt, LOOK_BACK.dividedBy(3))) {
          shard.lookedBackAt = now;
          drain(shard, true, until);
        }
        worksAgain(draining);
        shard.refusedInRound = 0;
      } catch (PublishRefused e) {
        fails(draining, e.getCause());
        shard.refusedInRound = round;
        break;
      } catch (RuntimeException e) {
        fails(draining, e);
      }
      if (clock.instant().isAfter(until) && turn + 1 < inTurn.size()) {
        nextFirst = inTurn.get(turn + 1).number;
        break;
      }
    }
  }

  /**
   * Whether what was last done at {@code last} is due again: {@code every} has passed since, or the clock shows an
   * earlier time (it was set back; waiting until it shows {@code last} again would stop the renewals meanwhile).
   */
  private static boolean due(Instant now, Instant last, Duration every) {
    return now.isBefore(last) || !now.isBefore(last.plus(every));
  }

  /**
   * The shards in order from {@code first} (the first shard the last round did not reach, or one further than the
   * last round began: no shard takes the round's time every time, and none waits behind a busy one for more than a
   * round), those whose sends the bus refused in the last {@code shards} rounds at the end, the most recently refused
   * last: one whose sends are always refused (a message too large) holds no other back, even after an outage refused
   * them all, and is still tried now and then while the others' backlogs take every round's time (its turn then
   * ends the round if it is refused again: the shards after it wait a round more).
   */
  private List<HeldShard> inTurn(Collection<HeldShard> shards, int first, long round) {
    List<HeldShard> ordered = new ArrayList<>(shards);
    ordered.sort(Comparator.comparingLong((HeldShard shard) -> refusedLately(shard, round))
        .thenComparingLong(shard -> Math.floorMod(shard.number - first, store.shards())));
    return ordered;
  }

  /** The round in which the shard's send was refused, if within the last {@code shards} rounds; else 0. */
  private long refusedLately(HeldShard shard, long round) {
    return round - shard.refusedInRound <= store.shards() ? shard.refusedInRound : 0;
  }

  private static String draining(int shard) {
    return "draining outbox shard " + shard;
  }

  private void fails(String what, Throwable e) {
    if (failing.add(what)) {
      log.warn("{}: {} fails now; events stay in the outbox and are retried", owner, what, e);
    }
  }

  private void worksAgain(String what) {
    if (failing.remove(what)) {
      log.info("{}: {} works again", owner, what);
    }
  }

  /**
   * Renews the leases and records the checkpoint of each shard held. A shard just taken counts as held only once
   * its checkpoint is read; when that read fails, the lease is given back (another relay may read it) and the
   * other shards are renewed as usual.
   */
  private void renewLeases() {
    for (int shard = 0; shard < store.shards(); shard++) {
      if (store.hold(shard, owner, OutboxStore.LEASE)) {
        HeldShard holding = held.get(shard);
        if (holding != null) {
          recordCheckpoint(holding);
        } else {
          take(shard);
        }
      } else if (held.remove(shard) != null) {
        failing.remove(draining(shard));
        log.info("{} lost outbox shard {} to another relay", owner, shard);
      }
    }
  }

  private void take(int shard) {
    String reading = "reading the checkpoint of outbox shard " + shard;
    Instant checkpoint;
    try {
      checkpoint = store.sentBefore(shard);
      worksAgain(reading);
    } catch (RuntimeException e) {
      fails(reading, e);
      try {
        store.release(shard, owner);
      } catch (RuntimeException giveBackFailed) {
        log.info("{} could not give back outbox shard {}; it tries it again at the next renewal", owner, shard);
      }
      return;
    }
    Instant lookBackAgo = clock.instant().minus(LOOK_BACK);
    if (checkpoint.isAfter(lookBackAgo)) {
      checkpoint = lookBackAgo;
    }
    held.put(shard, new HeldShard(shard, checkpoint));
    log.info("{} took outbox shard {}, reading from {}", owner, shard, checkpoint);
  }

  /** Best effort: a checkpoint not recorded only makes the next holder of the shard read further back. */
  private void recordCheckpoint(HeldShard shard) {
    Instant checkpoint = shard.checkpoint;
    if (checkpoint.equals(shard.recorded)) {
      return;
    }
    String recording = "recording the checkpoint of outbox shard " + shard.number;
    try {
      store.recordSentBefore(shard.number, checkpoint);
      shard.recorded = checkpoint;
      worksAgain(recording);
    } catch (RuntimeException e) {
      fails(recording, e);
    }
  }

  /**
   * Records each shard's checkpoint and gives the shard up. A relay whose lease lapsed may record over the new
   * holder's checkpoint: what it records is true too (everything before it was published), only older.
   */
  private void releaseLeases() {
    for (HeldShard shard : held.values()) {
      recordCheckpoint(shard);
      try {
        store.release(shard.number, owner);
      } catch (RuntimeException e) {
        log.info("{} could not give up outbox shard {}; it lapses in {}", owner, shard.number, OutboxStore.LEASE);
      }
    }
    held.clear();
  }

  /**
   * Publishes the shard's waiting events: after the cursor or, without one (a shard just taken, nothing sent yet)
   * and for a look-back, every one written since the checkpoint, a slice of ids at a time ({@link #SLICE} at most),
   * so that no read goes through the tombstones of more than one slice (Cassandra fails a read through 100,000; a
   * shard with a backlog just sent would fail on every round). A read through a slice that the store gave up on
   * ({@link OutboxStore.ReadTooLong}: too many tombstones, too slow) halves the shard's slices, down to
   * {@link #NARROWEST_SLICE}; each {@link #WIDEN_AFTER} without such a failure doubles them again. Other failures
   * (the store out of reach) leave them as they are: an outage says nothing of how much a slice holds. Each slice
   * sent in full moves the checkpoint to its end, or to {@link #LOOK_BACK} before the read began when that is
   * earlier; a look-back leaves the cursor where it is, and a read without a cursor sets it only in the last slice,
   * which runs to the end of the shard (a cursor further back would have every later round read through the
   * tombstones after it). A shard whose checkpoint was never recorded (a new outbox) is read in one slice.
   * <p>Once {@code until} has passed (5 s after the leases were last renewed), so that a round catching up on a
   * long backlog leaves the relay time to renew its leases before they lapse (another relay would then publish the
   * same events beside it, out of order), a read stops after the page in hand, or between two slices; a read from
   * the checkpoint then moves the checkpoint to the last event it sent, or to {@link #LOOK_BACK} before it began
   * when that is earlier. It also stops after {@link #SLICES} slices. The next round goes on from the cursor or the
   * checkpoint.
   *
   * @return whether the read went to the end of the shard (a look-back after a cursor read cut short would send,
   *     beyond the cursor, the backlog the cursor read left: later cursor reads would go through its tombstones)
   * @throws PublishRefused when the bus refused a send (the events from that one on stay for a later round)
   */
  private boolean drain(HeldShard shard, boolean lookBack, Instant until) {
    Instant began = clock.instant();
    OutboxStore.Pending cursor = lookBack ? null : shard.cursor;
    if (cursor != null) {
      return send(shard, cursor, null, null, true, until) == null;
    }
    Instant from = shard.checkpoint;
    Duration width = sliceWidth(shard, began);
    for (int slice = 0; slice < SLICES; slice++) {
      Instant before = from.equals(Instant.EPOCH) || from.plus(width).isAfter(began) ? null : from.plus(width);
      OutboxStore.Pending stoppedAfter;
      try {
        stoppedAfter = send(shard, null, from, before, !lookBack && before == null, until);
      } catch (OutboxStore.ReadTooLong e) {
        shard.sliceWidth = new SliceWidth(max(NARROWEST_SLICE, width.dividedBy(2)), clock.instant());
        throw e;
      }
      Instant sentBefore = stoppedAfter != null ? stoppedAfter.writtenAt() : before;
      shard.checkpoint = sentBefore == null || sentBefore.isAfter(began.minus(LOOK_BACK))
          ? began.minus(LOOK_BACK) : sentBefore;
      if (stoppedAfter != null) {
        return false;
      }
      if (before == null) {
        return true;
      }
      if (clock.instant().isAfter(until)) {
        return false;
      }
      from = before;
    }
    return false;
  }

  /**
   * How wide the shard's slices are: narrowed when the store gave up on a read, twice as wide after each
   * {@link #WIDEN_AFTER}.
   */
  private static Duration sliceWidth(HeldShard shard, Instant now) {
    SliceWidth current = shard.sliceWidth;
    if (current == null) {
      return SLICE;
    }
    if (due(now, current.since(), WIDEN_AFTER)) {
      Duration wider = current.width().multipliedBy(2);
      if (wider.compareTo(SLICE) >= 0) {
        shard.sliceWidth = null;
        return SLICE;
      }
      shard.sliceWidth = new SliceWidth(wider, now);
      return wider;
    }
    return current.width();
  }

  /** How wide a shard's slices are since {@code since}: narrowed after a read given up on, widened after a while. */
  private record SliceWidth(Duration width, Instant since) {}

  /** What the relay knows of a shard while it holds it; only the relay's thread reads or changes it. */
  private static final class HeldShard {
    final int number;
    /** The last event sent by a read after the cursor or to the end of the shard; null until one was. */
    OutboxStore.Pending cursor;
    /** Before when every event of the shard was published. */
    Instant checkpoint;
    /** The checkpoint last recorded in the store. */
    Instant recorded;
    /** The round in which the bus last refused one of its sends; 0 when the last send went. */
    long refusedInRound;
    /** Null while its slices are {@link #SLICE} wide. */
    SliceWidth sliceWidth;
    Instant lookedBackAt = Instant.EPOCH;

    HeldShard(int number, Instant checkpoint) {
      this.number = number;
      this.checkpoint = checkpoint;
      this.recorded = checkpoint;
    }
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  /**
   * Sends, page by page, the events after {@code after} (or since {@code since}) and before {@code before} (null:
   * to the end), moving the cursor to each sent when {@code moveCursor}, and stops after a full page once
   * {@code until} has passed.
   *
   * @return null when it sent them all, else the last it sent: every event before it was sent
   */
  private OutboxStore.Pending send(HeldShard shard, OutboxStore.Pending after, Instant since, Instant before,
      boolean moveCursor, Instant until) {
    List<OutboxStore.Pending> batch;
    do {
      batch = store.pending(shard.number, after, since, before, BATCH);
      List<OutboxStore.Pending> sent = new ArrayList<>(batch.size());
      RuntimeException refused = publishInOrder(batch, sent);
      store.removeAll(sent);
      if (!sent.isEmpty()) {
        after = sent.get(sent.size() - 1);
        if (moveCursor) {
          shard.cursor = after;
        }
      }
      if (refused != null) {
        throw new PublishRefused(refused);
      }
      if (batch.size() == BATCH && clock.instant().isAfter(until)) {
        return after;
      }
    } while (batch.size() == BATCH);
    return null;
  }

  /** The bus refused a send; its cause is the bus's failure. */
  private static final class PublishRefused extends RuntimeException {
    PublishRefused(RuntimeException cause) {
      super(cause);
    }
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
