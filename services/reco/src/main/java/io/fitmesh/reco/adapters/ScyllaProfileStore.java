package io.fitmesh.reco.adapters;

import static java.util.Objects.requireNonNull;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import io.fitmesh.platform.storage.CqlCalls;
import io.fitmesh.reco.domain.ProfileStore;
import java.util.Optional;

/** Regions in {@code profiles}. */
public final class ScyllaProfileStore implements ProfileStore {
  private final CqlSession session;
  private final PreparedStatement select;
  private final PreparedStatement upsert;

  public ScyllaProfileStore(CqlSession session, String keyspace) {
    this.session = requireNonNull(session, "session");
    select = session.prepare("SELECT region FROM " + keyspace + ".profiles WHERE athlete_id = ?");
    upsert = session.prepare("INSERT INTO " + keyspace + ".profiles (athlete_id, region) VALUES (?, ?)");
  }

  @Override
  public Optional<String> region(String athleteId) {
    return CqlCalls.call("profiles", () -> Optional.ofNullable(session.execute(select.bind(athleteId)).one())
        .map((Row row) -> row.getString("region")));
  }

  @Override
  public void setRegion(String athleteId, String region) {
    CqlCalls.run("profiles", () -> session.execute(upsert.bind(athleteId, region).setIdempotent(true)));
  }
}
