package io.fitmesh.group.adapters;

import static java.util.Objects.requireNonNull;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.BatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import io.fitmesh.group.domain.ClubActivityStore;
import io.fitmesh.group.domain.ClubWorkout;
import io.fitmesh.group.domain.Page;
import io.fitmesh.platform.errors.DomainException;
import io.fitmesh.platform.storage.CqlTimestamps;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/**
 * Members' workouts per club in CQL: {@code club_feed} (newest first per club), {@code club_weeks} (one partition
 * per club and week), and {@code club_workouts} (where each workout went, to delete it). A deleted workout is
 * marked in {@code deleted_workouts} and its rows are deleted at {@link CqlTimestamps#FOREVER}, so a completion
 * that lands later adds nothing back.
 */
public final class ScyllaClubActivityStore implements ClubActivityStore {
  private final CqlSession session;
  private final PreparedStatement selectDeleted;
  private final PreparedStatement insertDeleted;
  private final PreparedStatement insertFeed;
  private final PreparedStatement insertWeek;
  private final PreparedStatement insertPlaced;
  private final PreparedStatement selectPlaced;
  private final PreparedStatement deleteFeed;
  private final PreparedStatement deleteWeek;
  private final PreparedStatement feedFirst;
  private final PreparedStatement feedAfter;
  private final PreparedStatement selectWeek;

  public ScyllaClubActivityStore(CqlSession session, String keyspace) {
    this.session = requireNonNull(session, "session");
    String ks = keyspace + ".";
    selectDeleted = session.prepare("SELECT workout_id FROM " + ks + "deleted_workouts WHERE workout_id = ?");
    insertDeleted = session.prepare("INSERT INTO " + ks + "deleted_workouts (workout_id) VALUES (?)");
    insertFeed = session.prepare("INSERT INTO " + ks
        + "club_feed (club_id, start_time, workout_id, athlete_id) VALUES (?, ?, ?, ?)");
    insertWeek = session.prepare("INSERT INTO " + ks + "club_weeks (club_id, week_start, athlete_id, workout_id, "
        + "start_time, distance_m, moving_s, elevation_gain_m, counted) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insertPlaced = session.prepare("INSERT INTO " + ks
        + "club_workouts (workout_id, club_id, athlete_id, start_time, week_start) VALUES (?, ?, ?, ?, ?)");
    selectPlaced = session.prepare("SELECT club_id, athlete_id, start_time, week_start FROM " + ks
        + "club_workouts WHERE workout_id = ?");
    deleteFeed = session.prepare("DELETE FROM " + ks + "club_feed USING TIMESTAMP " + CqlTimestamps.FOREVER
        + " WHERE club_id = ? AND start_time = ? AND workout_id = ?");
    deleteWeek = session.prepare("DELETE FROM " + ks + "club_weeks USING TIMESTAMP " + CqlTimestamps.FOREVER
        + " WHERE club_id = ? AND week_start = ? AND athlete_id = ? AND workout_id = ?");
    feedFirst = session.prepare("SELECT start_time, workout_id FROM " + ks + "club_feed WHERE club_id = ? LIMIT ?");
    feedAfter = session.prepare("SELECT start_time, workout_id FROM " + ks
        + "club_feed WHERE club_id = ? AND (start_time, workout_id) < (?, ?) LIMIT ?");
    selectWeek = session.prepare("SELECT athlete_id, workout_id, start_time, distance_m, moving_s, elevation_gain_m, "
        + "counted FROM " + ks + "club_weeks WHERE club_id = ? AND week_start = ?");
  }

  @Override
  public void record(ClubWorkout w, Collection<ClubWeekKey> clubs) {
    call(() -> {
      if (session.execute(selectDeleted.bind(w.workoutId())).one() != null) {
        return null;
      }
      BatchStatementBuilder batch = BatchStatement.builder(BatchType.UNLOGGED);
      for (ClubWeekKey key : clubs) {
        batch.addStatement(insertPlaced.bind(w.workoutId(), key.clubId(), w.athleteId(), w.startTime(), key.weekStart()));
      }
      session.execute(batch.build());
      for (ClubWeekKey key : clubs) {
        session.execute(BatchStatement.builder(BatchType.LOGGED)
            .addStatement(insertFeed.bind(key.clubId(), w.startTime(), w.workoutId(), w.athleteId()))
            .addStatement(insertWeek.bind(key.clubId(), key.weekStart(), w.athleteId(), w.workoutId(), w.startTime(),
                w.distanceM(), w.movingS(), w.elevationGainM(), w.counted()))
            .build());
      }
      return null;
    });
  }

  @Override
  public void delete(String workoutId) {
    call(() -> {
      session.execute(insertDeleted.bind(workoutId));
      for (Row row : session.execute(selectPlaced.bind(workoutId))) {
        session.execute(BatchStatement.builder(BatchType.LOGGED)
            .addStatement(deleteFeed.bind(row.getString("club_id"), row.getInstant("start_time"), workoutId))
            .addStatement(deleteWeek.bind(row.getString("club_id"), row.getLocalDate("week_start"),
                row.getString("athlete_id"), workoutId))
            .build());
      }
      return null;
    });
  }

  @Override
  public Page<String> feed(String clubId, String after, int limit) {
    return call(() -> {
      List<String> items = new ArrayList<>();
      String last = null;
      boolean more = false;
      var query = after == null ? feedFirst.bind(clubId, limit + 1) : feedAfter.bind(clubId,
          Instant.ofEpochMilli(Long.parseLong(after.substring(0, after.indexOf(':')))),
          after.substring(after.indexOf(':') + 1), limit + 1);
      for (Row row : session.execute(query)) {
        if (items.size() == limit) {
          more = true;
          break;
        }
        items.add(row.getString("workout_id"));
        last = String.format("%015d", row.getInstant("start_time").toEpochMilli()) + ":" + row.getString("workout_id");
      }
      return new Page<>(items, more ? last : null);
    });
  }

  @Override
  public List<ClubWorkout> week(String clubId, LocalDate weekStart) {
    return call(() -> {
      List<ClubWorkout> workouts = new ArrayList<>();
      for (Row row : session.execute(selectWeek.bind(clubId, weekStart).setPageSize(5000))) {
        workouts.add(new ClubWorkout(row.getString("workout_id"), row.getString("athlete_id"),
            row.getInstant("start_time"), row.getDouble("distance_m"), row.getDouble("moving_s"),
            row.getDouble("elevation_gain_m"), row.getBoolean("counted")));
      }
      return workouts;
    });
  }

  private static <T> T call(Supplier<T> work) {
    try {
      return work.get();
    } catch (RuntimeException e) {
      throw DomainException.unavailable("club activity unavailable", e);
    }
  }
}
