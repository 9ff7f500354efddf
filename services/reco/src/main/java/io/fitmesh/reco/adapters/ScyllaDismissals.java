package io.fitmesh.reco.adapters;

import static java.util.Objects.requireNonNull;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import io.fitmesh.platform.storage.CqlCalls;
import io.fitmesh.reco.domain.Dismissals;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/** Dismissals in {@code dismissals}, each row expiring with its TTL. */
public final class ScyllaDismissals implements Dismissals {
  private static final int MAX_HIDDEN = 1000;

  private final CqlSession session;
  private final PreparedStatement insert;
  private final PreparedStatement select;

  public ScyllaDismissals(CqlSession session, String keyspace) {
    this.session = requireNonNull(session, "session");
    insert = session.prepare("INSERT INTO " + keyspace
        + ".dismissals (athlete_id, recommendation_id) VALUES (?, ?) USING TTL ?");
    select = session.prepare("SELECT recommendation_id FROM " + keyspace + ".dismissals WHERE athlete_id = ? LIMIT "
        + MAX_HIDDEN);
  }

  @Override
  public void dismiss(String athleteId, String recommendationId, Duration hideFor) {
    int ttl = (int) Math.max(1, Math.min(Integer.MAX_VALUE, hideFor.toSeconds()));
    CqlCalls.run("dismissals", () -> session.execute(insert.bind(athleteId, recommendationId, ttl)
        .setIdempotent(true)));
  }

  @Override
  public Set<String> hidden(String athleteId) {
    return CqlCalls.call("dismissals", () -> {
      Set<String> ids = new HashSet<>();
      session.execute(select.bind(athleteId)).forEach(row -> ids.add(row.getString("recommendation_id")));
      return ids;
    });
  }
}
