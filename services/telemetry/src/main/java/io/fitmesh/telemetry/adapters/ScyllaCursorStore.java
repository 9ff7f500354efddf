package io.fitmesh.telemetry.adapters;

import static java.util.Objects.requireNonNull;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import io.fitmesh.platform.errors.DomainException;
import io.fitmesh.platform.storage.CqlTimestamps;
import io.fitmesh.telemetry.domain.CursorStore;
import io.fitmesh.telemetry.domain.IngestCursor;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Ingest cursors in CQL, table {@code ingest_cursors}: one row per workout; the out-of-order seqs are a frozen
 * set, so saving a cursor over and over writes no tombstones.
 */
public final class ScyllaCursorStore implements CursorStore {
  private final CqlSession session;
  private final PreparedStatement select;
  private final PreparedStatement upsert;
  private final PreparedStatement delete;

  public ScyllaCursorStore(CqlSession session, String keyspace) {
    this.session = requireNonNull(session, "session");
    this.select = session.prepare("SELECT durable_through_seq, settled_above_seqs FROM " + keyspace
        + ".ingest_cursors WHERE workout_id = ?");
    this.upsert = session.prepare("INSERT INTO " + keyspace
        + ".ingest_cursors (workout_id, durable_through_seq, settled_above_seqs) VALUES (?, ?, ?)");
    this.delete = session.prepare("DELETE FROM " + keyspace + ".ingest_cursors USING TIMESTAMP "
        + CqlTimestamps.FOREVER + " WHERE workout_id = ?");
  }

  @Override
  public Optional<IngestCursor> load(String workoutId) {
    try {
      Row row = session.execute(select.bind(workoutId)).one();
      if (row == null) {
        return Optional.empty();
      }
      Set<Long> above = row.getSet("settled_above_seqs", Long.class);
      return Optional.of(new IngestCursor(workoutId, row.getLong("durable_through_seq"), new TreeSet<>(above)));
    } catch (RuntimeException e) {
      throw DomainException.unavailable("ingest cursor store unavailable", e);
    }
  }

  @Override
  public void save(IngestCursor cursor) {
    try {
      session.execute(upsert.bind(cursor.workoutId(), cursor.durableThroughSeq(), cursor.settledAbove())
          .setIdempotent(true));
    } catch (RuntimeException e) {
      throw DomainException.unavailable("ingest cursor store unavailable", e);
    }
  }

  @Override
  public void delete(String workoutId) {
    try {
      session.execute(delete.bind(workoutId));
    } catch (RuntimeException e) {
      throw DomainException.unavailable("ingest cursor store unavailable", e);
    }
  }
}
