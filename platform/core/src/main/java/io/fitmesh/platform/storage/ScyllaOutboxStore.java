package io.fitmesh.platform.storage;

import static java.util.Objects.requireNonNull;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.uuid.Uuids;
import com.google.protobuf.InvalidProtocolBufferException;
import io.fitmesh.events.v1.EventEnvelope;
import io.fitmesh.platform.events.OutboxStore;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A service's outbox in its own keyspace: table {@code outbox (shard int, id timeuuid, envelope blob,
 * PRIMARY KEY (shard, id))}, which the schema of every service with an outbox declares. A key always maps to the same shard and ids
 * are time-ordered, so a key's events are read back in write order. Writers add {@link #insert} to the same
 * LOGGED batch as the state change, which makes the pair atomic.
 */
public final class ScyllaOutboxStore implements OutboxStore {
  private static final int SHARDS = 8;

  private final CqlSession session;
  private final PreparedStatement insert;
  private final PreparedStatement select;
  private final PreparedStatement delete;
  private final Map<String, UUID> ids = new ConcurrentHashMap<>();

  public ScyllaOutboxStore(CqlSession session, String keyspace) {
    this.session = requireNonNull(session, "session");
    this.insert = session.prepare("INSERT INTO " + keyspace + ".outbox (shard, id, envelope) VALUES (?, ?, ?)");
    this.select = session.prepare("SELECT id, envelope FROM " + keyspace + ".outbox WHERE shard = ? LIMIT ?");
    this.delete = session.prepare("DELETE FROM " + keyspace + ".outbox WHERE shard = ? AND id = ?");
  }

  /** The statement that adds an event; put it in the batch of the change it announces. */
  public BoundStatement insert(EventEnvelope envelope) {
    return insert.bind(shardOf(envelope), Uuids.timeBased(), ByteBuffer.wrap(envelope.toByteArray()));
  }

  @Override
  public List<EventEnvelope> pending(int limit) {
    List<EventEnvelope> waiting = new ArrayList<>();
    for (int shard = 0; shard < SHARDS && waiting.size() < limit; shard++) {
      for (Row row : session.execute(select.bind(shard, limit - waiting.size()))) {
        EventEnvelope envelope = parse(row.getByteBuffer("envelope"));
        ids.put(envelope.getEventId(), row.getUuid("id"));
        waiting.add(envelope);
      }
    }
    return waiting;
  }

  @Override
  public void remove(EventEnvelope envelope) {
    UUID id = ids.remove(envelope.getEventId());
    if (id != null) {
      session.execute(delete.bind(shardOf(envelope), id));
    }
  }

  private static int shardOf(EventEnvelope envelope) {
    return Math.floorMod(envelope.getKey().hashCode(), SHARDS);
  }

  private static EventEnvelope parse(ByteBuffer bytes) {
    try {
      return EventEnvelope.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("outbox row is not an event envelope", e);
    }
  }
}
