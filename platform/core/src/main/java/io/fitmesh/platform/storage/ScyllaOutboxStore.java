package io.fitmesh.platform.storage;

import static java.util.Objects.requireNonNull;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.servererrors.ReadFailureException;
import com.datastax.oss.driver.api.core.servererrors.ReadTimeoutException;
import com.datastax.oss.driver.api.core.uuid.Uuids;
import com.google.protobuf.InvalidProtocolBufferException;
import io.fitmesh.events.v1.EventEnvelope;
import io.fitmesh.platform.errors.DomainException;
import io.fitmesh.platform.events.OutboxStore;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A service's outbox in its own keyspace, which the schema of every service with an outbox declares:
 * {@code outbox (shard int, id timeuuid, envelope blob, PRIMARY KEY (shard, id))} with a short gc_grace,
 * {@code outbox_leases (shard int PRIMARY KEY, owner text)} and
 * {@code outbox_checkpoints (shard int PRIMARY KEY, sent_before timestamp)}. A key always maps to the same shard and
 * ids are time-ordered, so a key's events are read back in write order. Writers add {@link #insert} to the same
 * LOGGED batch as the state change, which makes the pair atomic. Relays read from where they stopped
 * ({@code id > ?}) and look back only a short window, so the tombstones of published rows are not read again, and a
 * relay that takes a shard over starts at the checkpoint its last holder left; a read through a long stretch goes a
 * slice of ids at a time ({@code id > ? AND id < ?}); leases are lightweight transactions with a TTL.
 */
public final class ScyllaOutboxStore implements OutboxStore {
  private static final int SHARDS = 8;

  private final CqlSession session;
  private final PreparedStatement insert;
  private final PreparedStatement selectAfter;
  private final PreparedStatement selectBetween;
  private final PreparedStatement delete;
  private final PreparedStatement selectCheckpoint;
  private final PreparedStatement updateCheckpoint;
  private final CqlLeases leases;

  public ScyllaOutboxStore(CqlSession session, String keyspace) {
    this.session = requireNonNull(session, "session");
    this.insert = session.prepare("INSERT INTO " + keyspace + ".outbox (shard, id, envelope) VALUES (?, ?, ?)");
    this.selectAfter = session.prepare("SELECT id, envelope FROM " + keyspace + ".outbox WHERE shard = ? AND id > ? LIMIT ?");
    this.selectBetween = session.prepare(
        "SELECT id, envelope FROM " + keyspace + ".outbox WHERE shard = ? AND id > ? AND id < ? LIMIT ?");
    this.delete = session.prepare("DELETE FROM " + keyspace + ".outbox WHERE shard = ? AND id = ?");
    this.selectCheckpoint = session.prepare(
        "SELECT sent_before FROM " + keyspace + ".outbox_checkpoints WHERE shard = ?");
    this.updateCheckpoint = session.prepare(
        "UPDATE " + keyspace + ".outbox_checkpoints SET sent_before = ? WHERE shard = ?");
    this.leases = new CqlLeases(session, keyspace, "outbox_leases");
  }

  /** The statement that adds an event; put it in the batch of the change it announces. */
  public BoundStatement insert(EventEnvelope envelope) {
    return insert.bind(OutboxStore.shardOf(envelope.getKey(), SHARDS), Uuids.timeBased(),
        ByteBuffer.wrap(envelope.toByteArray()));
  }

  @Override
  public int shards() {
    return SHARDS;
  }

  @Override
  public boolean hold(int shard, String owner, Duration ttl) {
    return leases.hold(shard, owner, ttl);
  }

  @Override
  public void release(int shard, String owner) {
    leases.release(shard, owner);
  }

  @Override
  public List<Pending> pending(int shard, Pending after, Instant since, Instant before, int limit) {
    UUID from = after != null ? UUID.fromString(after.position()) : Uuids.startOf(since.toEpochMilli());
    BoundStatement read = before == null ? selectAfter.bind(shard, from, limit)
        : selectBetween.bind(shard, from, Uuids.startOf(before.toEpochMilli()), limit);
    try {
      return CqlCalls.call("outbox", () -> {
        List<Pending> page = new ArrayList<>();
        for (Row row : session.execute(read)) {
          UUID id = row.getUuid("id");
          page.add(new Pending(shard, id.toString(), Instant.ofEpochMilli(Uuids.unixTimestamp(id)),
              parse(row.getByteBuffer("envelope"))));
        }
        return page;
      });
    } catch (DomainException e) {
      if (e.getCause() instanceof ReadFailureException || e.getCause() instanceof ReadTimeoutException
          || e.getCause() instanceof DriverTimeoutException) {
        throw new ReadTooLong("the read of outbox shard " + shard + " was given up (" + e.getCause().getClass()
            .getSimpleName() + "): too many tombstones, or too slow to read", e.getCause());
      }
      throw e;
    }
  }

  /** One delete per event, all sent at once. */
  @Override
  public void removeAll(List<Pending> events) {
    if (events.isEmpty()) {
      return;
    }
    CqlCalls.run("outbox", () -> CqlCalls.writeAllAtOnce(session, events.stream()
        .map(event -> delete.bind(event.shard(), UUID.fromString(event.position()))).toList()));
  }

  @Override
  public Instant sentBefore(int shard) {
    return CqlCalls.call("outbox", () -> {
      Row row = session.execute(selectCheckpoint.bind(shard)).one();
      return row == null || row.isNull("sent_before") ? Instant.EPOCH : row.getInstant("sent_before");
    });
  }

  @Override
  public void recordSentBefore(int shard, Instant before) {
    CqlCalls.run("outbox", () -> session.execute(updateCheckpoint.bind(before, shard).setIdempotent(true)));
  }

  private static EventEnvelope parse(ByteBuffer bytes) {
    try {
      return EventEnvelope.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("outbox row is not an event envelope", e);
    }
  }
}
