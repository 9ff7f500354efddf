package io.fitmesh.notification.adapters;

import static java.util.Objects.requireNonNull;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.google.protobuf.InvalidProtocolBufferException;
import io.fitmesh.notification.codec.NotificationProtos;
import io.fitmesh.notification.domain.PreferenceStore;
import io.fitmesh.notification.domain.Preferences;
import io.fitmesh.notification.v1.NotificationSettings;
import io.fitmesh.platform.errors.DomainException;
import java.nio.ByteBuffer;

/** Settings in {@code preferences}, as the NotificationSettings message. */
public final class ScyllaPreferenceStore implements PreferenceStore {
  private final CqlSession session;
  private final PreparedStatement select;
  private final PreparedStatement upsert;

  public ScyllaPreferenceStore(CqlSession session, String keyspace) {
    this.session = requireNonNull(session, "session");
    select = session.prepare("SELECT data FROM " + keyspace + ".preferences WHERE athlete_id = ?");
    upsert = session.prepare("INSERT INTO " + keyspace + ".preferences (athlete_id, data) VALUES (?, ?)");
  }

  @Override
  public Preferences get(String athleteId) {
    Row row;
    try {
      row = session.execute(select.bind(athleteId)).one();
    } catch (RuntimeException e) {
      throw DomainException.unavailable("notification settings unavailable", e);
    }
    if (row == null) {
      return Preferences.defaults();
    }
    try {
      return NotificationProtos.toDomain(NotificationSettings.parseFrom(row.getByteBuffer("data")));
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("stored settings are not a NotificationSettings message", e);
    }
  }

  @Override
  public void save(String athleteId, Preferences preferences) {
    try {
      session.execute(upsert.bind(athleteId, ByteBuffer.wrap(NotificationProtos.toProto(preferences).toByteArray())));
    } catch (RuntimeException e) {
      throw DomainException.unavailable("notification settings unavailable", e);
    }
  }
}
