package io.fitmesh.training.analytics.adapters;

import static java.util.Objects.requireNonNull;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.google.protobuf.InvalidProtocolBufferException;
import io.fitmesh.platform.errors.DomainException;
import io.fitmesh.platform.storage.CqlTimestamps;
import io.fitmesh.training.analytics.domain.AnalyticsStore;
import io.fitmesh.training.domain.WorkoutRecord;
import io.fitmesh.training.codec.WorkoutProtos;
import io.fitmesh.training.v1.Workout;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Analytics rows in CQL, table {@code athlete_workouts}: one partition per athlete, one row per workout. Removing
 * writes a tombstone ({@code deleted}, no data) at {@link CqlTimestamps#FOREVER}, which no later upsert replaces.
 */
public final class ScyllaAnalyticsStore implements AnalyticsStore {
  private final CqlSession session;
  private final PreparedStatement upsert;
  private final PreparedStatement delete;
  private final PreparedStatement select;

  public ScyllaAnalyticsStore(CqlSession session, String keyspace) {
    this.session = requireNonNull(session, "session");
    upsert = session.prepare("INSERT INTO " + keyspace + ".athlete_workouts (athlete_id, workout_id, data) VALUES (?, ?, ?)");
    delete = session.prepare("UPDATE " + keyspace + ".athlete_workouts USING TIMESTAMP " + CqlTimestamps.FOREVER
        + " SET deleted = true, data = null WHERE athlete_id = ? AND workout_id = ?");
    select = session.prepare("SELECT data FROM " + keyspace + ".athlete_workouts WHERE athlete_id = ?");
  }

  @Override
  public void upsert(WorkoutRecord finished) {
    try {
      session.execute(upsert.bind(finished.athleteId(), finished.workoutId(),
          ByteBuffer.wrap(WorkoutProtos.toProto(finished).toByteArray())).setIdempotent(true));
    } catch (RuntimeException e) {
      throw DomainException.unavailable("analytics store unavailable", e);
    }
  }

  @Override
  public void remove(String athleteId, String workoutId) {
    try {
      session.execute(delete.bind(athleteId, workoutId).setIdempotent(true));
    } catch (RuntimeException e) {
      throw DomainException.unavailable("analytics store unavailable", e);
    }
  }

  @Override
  public List<WorkoutRecord> all(String athleteId) {
    try {
      List<WorkoutRecord> all = new ArrayList<>();
      for (Row row : session.execute(select.bind(athleteId))) {
        if (row.isNull("data")) {
          continue;
        }
        all.add(WorkoutProtos.toDomain(Workout.parseFrom(row.getByteBuffer("data"))));
      }
      return all;
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("stored analytics row is not a Workout message", e);
    } catch (RuntimeException e) {
      throw DomainException.unavailable("analytics store unavailable", e);
    }
  }
}
