package io.fitmesh.platform.storage;

import static java.util.Objects.requireNonNull;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import io.fitmesh.platform.errors.DomainException;
import java.time.Duration;

/**
 * Leases on numbered shards in a CQL table {@code <table> (shard int PRIMARY KEY, owner text)}, as lightweight
 * transactions with a TTL: one owner at a time per shard, renewed by its owner, free once it lapses or is
 * released. Work spread over shards (an outbox, a push queue) is done by whichever instance holds each shard.
 */
public final class CqlLeases {
  private final CqlSession session;
  private final PreparedStatement take;
  private final PreparedStatement renew;
  private final PreparedStatement release;

  public CqlLeases(CqlSession session, String keyspace, String table) {
    this.session = requireNonNull(session, "session");
    String t = keyspace + "." + table;
    take = session.prepare("INSERT INTO " + t + " (shard, owner) VALUES (?, ?) IF NOT EXISTS USING TTL ?");
    renew = session.prepare("UPDATE " + t + " USING TTL ? SET owner = ? WHERE shard = ? IF owner = ?");
    release = session.prepare("DELETE FROM " + t + " WHERE shard = ? IF owner = ?");
  }

  /** Takes or renews the shard for {@code owner} for {@code ttl}; true when {@code owner} holds it now. */
  public boolean hold(int shard, String owner, Duration ttl) {
    try {
      int seconds = (int) ttl.toSeconds();
      if (session.execute(renew.bind(seconds, owner, shard, owner)).wasApplied()) {
        return true;
      }
      return session.execute(take.bind(shard, owner, seconds)).wasApplied();
    } catch (RuntimeException e) {
      throw DomainException.unavailable("leases unavailable", e);
    }
  }

  /** Gives the shard up if {@code owner} holds it. */
  public void release(int shard, String owner) {
    try {
      session.execute(release.bind(shard, owner));
    } catch (RuntimeException e) {
      throw DomainException.unavailable("leases unavailable", e);
    }
  }
}
