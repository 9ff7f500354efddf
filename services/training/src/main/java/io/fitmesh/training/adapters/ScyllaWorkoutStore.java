package io.fitmesh.training.adapters;

import io.fitmesh.platform.events.EnvelopeEvent;
import static java.util.Objects.requireNonNull;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.BatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import com.google.protobuf.InvalidProtocolBufferException;
import io.fitmesh.platform.errors.DomainException;
import io.fitmesh.platform.storage.CqlTimestamps;
import io.fitmesh.platform.storage.ScyllaOutboxStore;
import io.fitmesh.platform.domain.PendingEvent;
import io.fitmesh.training.domain.WorkoutPage;
import io.fitmesh.training.domain.WorkoutRecord;
import io.fitmesh.training.domain.WorkoutStore;
import io.fitmesh.training.codec.WorkoutProtos;
import io.fitmesh.training.v1.Workout;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Workouts in CQL: {@code workouts} by id (created with a lightweight transaction, so two starts of one id
 * agree on the owner) and {@code workouts_by_athlete} clustered newest first (an import being written is not in
 * it until finished). Finishing and deleting write both tables and the outbox row in one LOGGED batch, so the
 * change and its event land together or not at all. A delete writes the tombstone ({@code deleted}, no data) and
 * removes the listing at {@link CqlTimestamps#FOREVER}, so the id stays taken and a finish that lands later
 * changes nothing.
 */
public final class ScyllaWorkoutStore implements WorkoutStore {
  private final CqlSession session;
  private final ScyllaOutboxStore outbox;
  private final PreparedStatement insertIfAbsent;
  private final PreparedStatement upsert;
  private final PreparedStatement upsertByAthlete;
  private final PreparedStatement select;
  private final PreparedStatement listFirst;
  private final PreparedStatement listFrom;
  private final PreparedStatement delete;
  private final PreparedStatement deleteByAthlete;

  public ScyllaWorkoutStore(CqlSession session, String keyspace, ScyllaOutboxStore outbox) {
    this.session = requireNonNull(session, "session");
    this.outbox = requireNonNull(outbox, "outbox");
    String ks = keyspace + ".";
    insertIfAbsent = session.prepare("INSERT INTO " + ks + "workouts (workout_id, athlete_id, data) VALUES (?, ?, ?) IF NOT EXISTS");
    upsert = session.prepare("INSERT INTO " + ks + "workouts (workout_id, athlete_id, data) VALUES (?, ?, ?)");
    upsertByAthlete = session.prepare("INSERT INTO " + ks
        + "workouts_by_athlete (athlete_id, start_time, workout_id, data) VALUES (?, ?, ?, ?)");
    select = session.prepare("SELECT workout_id, athlete_id, data, deleted FROM " + ks + "workouts WHERE workout_id = ?");
    listFirst = session.prepare("SELECT data FROM " + ks + "workouts_by_athlete WHERE athlete_id = ?");
    listFrom = session.prepare("SELECT data FROM " + ks + "workouts_by_athlete WHERE athlete_id = ? AND start_time <= ?");
    delete = session.prepare("UPDATE " + ks + "workouts USING TIMESTAMP " + CqlTimestamps.FOREVER
        + " SET deleted = true, data = null WHERE workout_id = ?");
    deleteByAthlete = session.prepare("DELETE FROM " + ks + "workouts_by_athlete USING TIMESTAMP "
        + CqlTimestamps.FOREVER + " WHERE athlete_id = ? AND start_time = ? AND workout_id = ?");
  }

  @Override
  public Optional<WorkoutRecord> get(String workoutId) {
    return call(() -> Optional.ofNullable(session.execute(select.bind(workoutId)).one()).map(ScyllaWorkoutStore::parse));
  }

  @Override
  public WorkoutRecord createIfAbsent(WorkoutRecord workout) {
    return call(() -> {
      ResultSet result = session.execute(insertIfAbsent.bind(workout.workoutId(), workout.athleteId(), bytes(workout)));
      if (!result.wasApplied()) {
        return parse(result.one());
      }
      if (!workout.isBeingImported()) {
        session.execute(upsertByAthlete.bind(workout.athleteId(), workout.startTime(), workout.workoutId(),
            bytes(workout)).setIdempotent(true));
      }
      return workout;
    });
  }

  @Override
  public WorkoutPage listByAthlete(String athleteId, String position, int limit) {
    return call(() -> {
      WorkoutPosition after = position == null ? null : WorkoutPosition.parse(position);
      ResultSet rows = after == null ? session.execute(listFirst.bind(athleteId).setPageSize(limit + 1))
          : session.execute(listFrom.bind(athleteId, after.startTime()).setPageSize(limit + 8));
      List<WorkoutRecord> page = new ArrayList<>();
      boolean more = false;
      for (Row row : rows) {
        WorkoutRecord w = parse(row);
        if (after != null && !after.isBefore(w)) {
          continue;
        }
        if (page.size() == limit) {
          more = true;
          break;
        }
        page.add(w);
      }
      return new WorkoutPage(page, more ? WorkoutPosition.of(page.get(page.size() - 1)) : null);
    });
  }

  @Override
  public void finish(WorkoutRecord finished, PendingEvent completed) {
    call(() -> session.execute(BatchStatement.builder(BatchType.LOGGED)
        .addStatement(upsert.bind(finished.workoutId(), finished.athleteId(), bytes(finished)))
        .addStatement(upsertByAthlete.bind(finished.athleteId(), finished.startTime(), finished.workoutId(), bytes(finished)))
        .addStatement(outbox.insert(EnvelopeEvent.envelopeOf(completed)))
        .build()));
  }

  @Override
  public void update(WorkoutRecord changed, PendingEvent event) {
    BatchStatementBuilder batch = BatchStatement.builder(BatchType.LOGGED)
        .addStatement(upsert.bind(changed.workoutId(), changed.athleteId(), bytes(changed)))
        .addStatement(upsertByAthlete.bind(changed.athleteId(), changed.startTime(), changed.workoutId(), bytes(changed)));
    if (event != null) {
      batch.addStatement(outbox.insert(EnvelopeEvent.envelopeOf(event)));
    }
    call(() -> session.execute(batch.build()));
  }

  @Override
  public void delete(WorkoutRecord workout, PendingEvent deleted) {
    call(() -> session.execute(BatchStatement.builder(BatchType.LOGGED)
        .addStatement(delete.bind(workout.workoutId()))
        .addStatement(deleteByAthlete.bind(workout.athleteId(), workout.startTime(), workout.workoutId()))
        .addStatement(outbox.insert(EnvelopeEvent.envelopeOf(deleted)))
        .build()));
  }

  private static ByteBuffer bytes(WorkoutRecord w) {
    return ByteBuffer.wrap(WorkoutProtos.toProto(w).toByteArray());
  }

  /** A row of {@code workouts} (its tombstone when deleted) or of {@code workouts_by_athlete}. */
  private static WorkoutRecord parse(Row row) {
    if (row.getColumnDefinitions().contains("deleted") && row.getBoolean("deleted")) {
      return WorkoutRecord.tombstone(row.getString("workout_id"), row.getString("athlete_id"));
    }
    try {
      return WorkoutProtos.toDomain(Workout.parseFrom(row.getByteBuffer("data")));
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("stored workout is not a Workout message", e);
    }
  }

  private static <T> T call(Supplier<T> work) {
    try {
      return work.get();
    } catch (DomainException e) {
      throw e;
    } catch (RuntimeException e) {
      throw DomainException.unavailable("workout store unavailable", e);
    }
  }
}
