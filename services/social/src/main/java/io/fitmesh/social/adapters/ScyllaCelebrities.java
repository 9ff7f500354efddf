package io.fitmesh.social.adapters;

import io.fitmesh.platform.storage.CqlCalls;
import static java.util.Objects.requireNonNull;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import io.fitmesh.platform.cache.ExpiringCache;
import io.fitmesh.social.domain.Celebrities;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/** Celebrities in one CQL partition, read through a 10-second cache (there are few, and feeds read them often). */
public final class ScyllaCelebrities implements Celebrities {
  private static final int SHARD = 0;

  private final CqlSession session;
  private final PreparedStatement insert;
  private final PreparedStatement selectAll;
  private final ExpiringCache<String, Set<String>> cache;

  public ScyllaCelebrities(CqlSession session, String keyspace, Clock clock) {
    this.session = requireNonNull(session, "session");
    insert = session.prepare("INSERT INTO " + keyspace + ".celebrities (shard, athlete_id) VALUES (?, ?)");
    selectAll = session.prepare("SELECT athlete_id FROM " + keyspace + ".celebrities WHERE shard = ?");
    cache = new ExpiringCache<>(Duration.ofSeconds(10), 1, clock);
  }

  @Override
  public Set<String> all() {
    return cache.get("all", k -> CqlCalls.call("celebrities", () -> {
      Set<String> all = new HashSet<>();
      for (Row row : session.execute(selectAll.bind(SHARD))) {
        all.add(row.getString("athlete_id"));
      }
      return Set.copyOf(all);
    }));
  }

  @Override
  public void add(String athleteId) {
    if (!all().contains(athleteId)) {
      CqlCalls.run("celebrities", () -> session.execute(insert.bind(SHARD, athleteId).setIdempotent(true)));
      cache.invalidate("all");
    }
  }
}
