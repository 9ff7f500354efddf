package io.fitmesh.platform.events;

import io.fitmesh.events.v1.EventEnvelope;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Events written in the same atomic step as the state change they announce, waiting to be published. Events are
 * spread over {@link #shards()} by key (a key always in the same shard, in write order); an {@link OutboxRelay}
 * publishes a shard only while it holds the shard's lease, so each shard has one active relay.
 */
public interface OutboxStore {

  /** How many shards events are spread over. */
  int shards();

  /** Takes or renews the shard for {@code owner} for {@code ttl}; true when {@code owner} holds it now. */
  boolean hold(int shard, String owner, Duration ttl);

  /** Gives the shard up if {@code owner} holds it, so another relay takes it at once rather than after the lease. */
  void release(int shard, String owner);

  /**
   * Up to {@code limit} waiting events of the shard, oldest first: those after {@code after} or, when it is null,
   * those written since {@code since} (a relay that takes a shard over reads from {@link #sentBefore}; one that
   * holds it reads from there again now and then, for writes that committed late); when {@code before} is not
   * null, only those written before it (a read through a long stretch of published events goes a slice at a time).
   *
   * @throws ReadTooLong when the store gave up on the read for what it had to go through
   */
  List<Pending> pending(int shard, Pending after, Instant since, Instant before, int limit);

  /**
   * The store gave up on a read because of what it had to go through (more tombstones than it passes, or longer to
   * read than it waits), not because it could not be reached (refused connections, no node up): a read through fewer
   * events may pass. A server that hangs looks the same as a slow read.
   */
  final class ReadTooLong extends RuntimeException {
    public ReadTooLong(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** Forgets events once the bus has them. */
  void removeAll(List<Pending> events);

  /**
   * Before when every event of the shard was published, as its last relay recorded it ({@link Instant#EPOCH} when
   * none did): a relay that takes the shard over reads from there, not through the tombstones of everything sent
   * before (a read through more than the CQL server's tombstone limit fails, and would fail on every round).
   */
  Instant sentBefore(int shard);

  /** Records, for whoever holds the shard next, that every event before {@code before} was published. */
  void recordSentBefore(int shard, Instant before);

  /**
   * An event in the outbox and where it is ({@code position} means something to its store only), and when its id was
   * taken, rounded down (to the millisecond or finer): a read since {@code writtenAt} gives the event again.
   */
  record Pending(int shard, String position, Instant writtenAt, EventEnvelope envelope) {}

  /** The shard of a key: the same for all its events. */
  static int shardOf(String key, int shards) {
    return Math.floorMod(key.hashCode(), shards);
  }

  /** A lease held for at most this long unless renewed. */
  Duration LEASE = Duration.ofSeconds(15);
}
