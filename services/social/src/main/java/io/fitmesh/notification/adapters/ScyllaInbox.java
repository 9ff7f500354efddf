package io.fitmesh.notification.adapters;

import static java.util.Objects.requireNonNull;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.BatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.google.protobuf.InvalidProtocolBufferException;
import io.fitmesh.notification.codec.NotificationProtos;
import io.fitmesh.notification.domain.Inbox;
import io.fitmesh.notification.domain.Notification;
import io.fitmesh.notification.domain.Page;
import io.fitmesh.platform.errors.DomainException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Inboxes in CQL: {@code inbox} (one partition per recipient, newest first, 90-day TTL) and {@code inbox_items}
 * (where each item sits, so an updated item moves to the top). The unread count reads the partition.
 */
public final class ScyllaInbox implements Inbox {
  private final CqlSession session;
  private final PreparedStatement selectItem;
  private final PreparedStatement selectAt;
  private final PreparedStatement insert;
  private final PreparedStatement insertItem;
  private final PreparedStatement deleteAt;
  private final PreparedStatement first;
  private final PreparedStatement after;
  private final PreparedStatement all;
  private final PreparedStatement markRead;

  public ScyllaInbox(CqlSession session, String keyspace) {
    this.session = requireNonNull(session, "session");
    String ks = keyspace + ".";
    selectItem = session.prepare("SELECT update_time FROM " + ks
        + "inbox_items WHERE recipient_id = ? AND notification_id = ?");
    selectAt = session.prepare("SELECT data, read FROM " + ks
        + "inbox WHERE recipient_id = ? AND update_time = ? AND notification_id = ?");
    insert = session.prepare("INSERT INTO " + ks
        + "inbox (recipient_id, update_time, notification_id, data, read) VALUES (?, ?, ?, ?, ?)");
    insertItem = session.prepare("INSERT INTO " + ks
        + "inbox_items (recipient_id, notification_id, update_time) VALUES (?, ?, ?)");
    deleteAt = session.prepare("DELETE FROM " + ks
        + "inbox WHERE recipient_id = ? AND update_time = ? AND notification_id = ?");
    first = session.prepare("SELECT update_time, notification_id, data, read FROM " + ks
        + "inbox WHERE recipient_id = ? LIMIT ?");
    after = session.prepare("SELECT update_time, notification_id, data, read FROM " + ks
        + "inbox WHERE recipient_id = ? AND (update_time, notification_id) < (?, ?) LIMIT ?");
    all = session.prepare("SELECT update_time, notification_id, read FROM " + ks + "inbox WHERE recipient_id = ?");
    markRead = session.prepare("UPDATE " + ks
        + "inbox SET read = true WHERE recipient_id = ? AND update_time = ? AND notification_id = ?");
  }

  @Override
  public Optional<Notification> get(String recipientId, String notificationId) {
    return call(() -> {
      Row at = session.execute(selectItem.bind(recipientId, notificationId)).one();
      if (at == null) {
        return Optional.empty();
      }
      Row row = session.execute(selectAt.bind(recipientId, at.getInstant("update_time"), notificationId)).one();
      return row == null ? Optional.empty()
          : Optional.of(parse(recipientId, row.getByteBuffer("data"), row.getBoolean("read")));
    });
  }

  @Override
  public void put(Notification n) {
    call(() -> {
      Row at = session.execute(selectItem.bind(n.recipientId(), n.notificationId())).one();
      BatchStatementBuilder batch = BatchStatement.builder(BatchType.LOGGED);
      if (at != null && !at.getInstant("update_time").equals(n.updateTime())) {
        batch.addStatement(deleteAt.bind(n.recipientId(), at.getInstant("update_time"), n.notificationId()));
      }
      batch.addStatement(insert.bind(n.recipientId(), n.updateTime(), n.notificationId(),
          ByteBuffer.wrap(NotificationProtos.toProto(n).toByteArray()), n.read()));
      batch.addStatement(insertItem.bind(n.recipientId(), n.notificationId(), n.updateTime()));
      return session.execute(batch.build());
    });
  }

  @Override
  public Page<Notification> list(String recipientId, String position, int limit) {
    return call(() -> {
      var query = position == null ? first.bind(recipientId, limit + 1) : after.bind(recipientId,
          Instant.ofEpochMilli(Long.parseLong(position.substring(0, position.indexOf(':')))),
          position.substring(position.indexOf(':') + 1), limit + 1);
      List<Notification> items = new ArrayList<>();
      boolean more = false;
      for (Row row : session.execute(query)) {
        if (items.size() == limit) {
          more = true;
          break;
        }
        items.add(parse(recipientId, row.getByteBuffer("data"), row.getBoolean("read")));
      }
      return new Page<>(items, more ? InMemoryInbox.position(items.get(items.size() - 1)) : null);
    });
  }

  @Override
  public long unread(String recipientId) {
    return call(() -> {
      long unread = 0;
      for (Row row : session.execute(all.bind(recipientId))) {
        if (!row.getBoolean("read")) {
          unread++;
        }
      }
      return unread;
    });
  }

  @Override
  public void markRead(String recipientId, Collection<String> ids) {
    call(() -> {
      for (Row row : session.execute(all.bind(recipientId))) {
        if (!row.getBoolean("read") && (ids.isEmpty() || ids.contains(row.getString("notification_id")))) {
          session.execute(markRead.bind(recipientId, row.getInstant("update_time"), row.getString("notification_id")));
        }
      }
      return null;
    });
  }

  private static Notification parse(String recipientId, ByteBuffer data, boolean read) {
    try {
      return NotificationProtos.toDomain(recipientId, io.fitmesh.notification.v1.Notification.parseFrom(data), read);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("stored notification is not a Notification message", e);
    }
  }

  private static <T> T call(Supplier<T> work) {
    try {
      return work.get();
    } catch (RuntimeException e) {
      throw DomainException.unavailable("inbox unavailable", e);
    }
  }
}
