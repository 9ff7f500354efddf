package io.fitmesh.reco.adapters;

import static java.util.Objects.requireNonNull;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import io.fitmesh.platform.storage.CqlCalls;
import io.fitmesh.reco.domain.Gear;
import io.fitmesh.reco.domain.GearStore;
import io.fitmesh.reco.domain.Sport;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Gear in {@code gear}; each workout counted on a gear is one row of {@code gear_workouts} (and its gear in
 * {@code workout_gear}), and the gear's distance is set to the sum of its rows after each change: counting the same
 * workout twice writes the same row, so replays change nothing. Changing gear never writes its distance, so a change
 * racing a count loses neither.
 */
public final class ScyllaGearStore implements GearStore {
  private static final String COLUMNS =
      "athlete_id, gear_id, name, brand, model, sport, retire_distance_m, default_for_sport, distance_m, retired";

  private final CqlSession session;
  private final PreparedStatement claim;
  private final PreparedStatement upsert;
  private final PreparedStatement setDistance;
  private final PreparedStatement selectAll;
  private final PreparedStatement selectOne;
  private final PreparedStatement insertCounted;
  private final PreparedStatement insertWorkoutGear;
  private final PreparedStatement selectWorkoutGear;
  private final PreparedStatement deleteCounted;
  private final PreparedStatement deleteWorkoutGear;
  private final PreparedStatement sumCounted;

  public ScyllaGearStore(CqlSession session, String keyspace) {
    this.session = requireNonNull(session, "session");
    String ks = keyspace + ".";
    claim = session.prepare("INSERT INTO " + ks + "gear_requests (athlete_id, request_id, gear_id) VALUES (?, ?, ?) "
        + "IF NOT EXISTS");
    upsert = session.prepare("INSERT INTO " + ks + "gear (athlete_id, gear_id, name, brand, model, sport, "
        + "retire_distance_m, default_for_sport, retired) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    setDistance = session.prepare("UPDATE " + ks + "gear SET distance_m = ? WHERE athlete_id = ? AND gear_id = ?");
    selectAll = session.prepare("SELECT " + COLUMNS + " FROM " + ks + "gear WHERE athlete_id = ?");
    selectOne = session.prepare("SELECT " + COLUMNS + " FROM " + ks + "gear WHERE athlete_id = ? AND gear_id = ?");
    insertCounted = session.prepare("INSERT INTO " + ks
        + "gear_workouts (athlete_id, gear_id, workout_id, distance_m) VALUES (?, ?, ?, ?)");
    insertWorkoutGear = session.prepare("INSERT INTO " + ks
        + "workout_gear (workout_id, athlete_id, gear_id) VALUES (?, ?, ?)");
    selectWorkoutGear = session.prepare("SELECT athlete_id, gear_id FROM " + ks + "workout_gear WHERE workout_id = ?");
    deleteCounted = session.prepare("DELETE FROM " + ks
        + "gear_workouts WHERE athlete_id = ? AND gear_id = ? AND workout_id = ?");
    deleteWorkoutGear = session.prepare("DELETE FROM " + ks + "workout_gear WHERE workout_id = ?");
    sumCounted = session.prepare("SELECT distance_m FROM " + ks + "gear_workouts WHERE athlete_id = ? AND gear_id = ?");
  }

  @Override
  public Gear create(Gear gear, String requestId) {
    return CqlCalls.call("gear", () -> {
      Row claimed = session.execute(claim.bind(gear.athleteId(), requestId, gear.gearId())).one();
      if (claimed != null && !claimed.getBoolean("[applied]")) {
        String existing = claimed.getString("gear_id");
        return get(gear.athleteId(), existing).orElseGet(() -> write(new Gear(existing, gear.athleteId(), gear.name(),
            gear.brand(), gear.model(), gear.sport(), gear.retireDistanceM(), gear.defaultForSport(), 0,
            gear.retired())));
      }
      return write(gear);
    });
  }

  @Override
  public void update(Gear gear) {
    CqlCalls.run("gear", () -> write(gear));
  }

  @Override
  public List<Gear> list(String athleteId) {
    return CqlCalls.call("gear", () -> {
      List<Gear> all = new ArrayList<>();
      session.execute(selectAll.bind(athleteId)).forEach(row -> all.add(gear(row)));
      return all;
    });
  }

  @Override
  public Optional<Gear> get(String athleteId, String gearId) {
    return CqlCalls.call("gear", () -> Optional.ofNullable(session.execute(selectOne.bind(athleteId, gearId)).one())
        .map(ScyllaGearStore::gear));
  }

  @Override
  public void count(String athleteId, String workoutId, String gearId, double distanceM) {
    CqlCalls.run("gear", () -> {
      Row earlier = session.execute(selectWorkoutGear.bind(workoutId)).one();
      if (earlier != null && !earlier.getString("gear_id").equals(gearId)) {
        return;
      }
      session.execute(insertWorkoutGear.bind(workoutId, athleteId, gearId).setIdempotent(true));
      session.execute(insertCounted.bind(athleteId, gearId, workoutId, distanceM).setIdempotent(true));
      resum(athleteId, gearId);
    });
  }

  @Override
  public void uncount(String athleteId, String workoutId) {
    CqlCalls.run("gear", () -> {
      Row counted = session.execute(selectWorkoutGear.bind(workoutId)).one();
      if (counted == null || !counted.getString("athlete_id").equals(athleteId)) {
        return;
      }
      String gearId = counted.getString("gear_id");
      session.execute(deleteCounted.bind(athleteId, gearId, workoutId).setIdempotent(true));
      resum(athleteId, gearId);
      session.execute(deleteWorkoutGear.bind(workoutId).setIdempotent(true));
    });
  }

  private void resum(String athleteId, String gearId) {
    double sum = 0;
    for (Row row : session.execute(sumCounted.bind(athleteId, gearId).setPageSize(5000))) {
      sum += row.getDouble("distance_m");
    }
    session.execute(setDistance.bind(sum, athleteId, gearId).setIdempotent(true));
  }

  private Gear write(Gear g) {
    session.execute(upsert.bind(g.athleteId(), g.gearId(), g.name(), g.brand(), g.model(), g.sport().name(),
        g.retireDistanceM(), g.defaultForSport(), g.retired()).setIdempotent(true));
    return g;
  }

  private static Gear gear(Row row) {
    return new Gear(row.getString("gear_id"), row.getString("athlete_id"), row.getString("name"),
        row.getString("brand"), row.getString("model"), Sport.valueOf(row.getString("sport")),
        row.getDouble("retire_distance_m"), row.getBoolean("default_for_sport"), row.getDouble("distance_m"),
        row.getBoolean("retired"));
  }
}
