package io.fitmesh.notification.adapters;

import static java.util.Objects.requireNonNull;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import io.fitmesh.notification.domain.NotificationKind;
import io.fitmesh.notification.domain.PushJob;
import io.fitmesh.notification.domain.PushQueue;
import io.fitmesh.platform.errors.DomainException;
import io.fitmesh.platform.storage.CqlLeases;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The push queue in CQL: {@code push_jobs} by shard (of the recipient) and due time. An instance hands out the
 * jobs of the shards whose lease it holds ({@code push_leases}, renewed every {@link #RENEW}), each call starting
 * at the next shard. The next read of a shard starts a short look-back before this one, or at the first job this
 * one found when that is older: handled jobs' tombstones are read at most once more, and the rest of a backlog,
 * however old (and jobs handed out but not marked done), is read again. A shard just taken is read from its start.
 * Where each shard's next read starts is kept only when the whole call succeeds. A shard that cannot be read (a
 * row of a kind a newer version wrote, the CQL server refusing the read) holds back only its own jobs.
 */
public final class ScyllaPushQueue implements PushQueue {
  private static final Logger log = LoggerFactory.getLogger(ScyllaPushQueue.class);
  static final int SHARDS = 8;
  static final Duration LEASE = Duration.ofSeconds(15);
  static final Duration RENEW = Duration.ofSeconds(5);
  private static final Duration LOOK_BACK = Duration.ofMinutes(1);

  private final CqlSession session;
  private final CqlLeases leases;
  private final String owner = "push-" + UUID.randomUUID();
  private final Set<Integer> held = new HashSet<>();
  private final Map<Integer, Instant> readFrom = new HashMap<>();
  private final PreparedStatement insert;
  private final PreparedStatement selectDue;
  private final PreparedStatement delete;
  private Instant renewedAt = Instant.EPOCH;
  private long turns;
  private final Set<Integer> unreadable = new HashSet<>();

  public ScyllaPushQueue(CqlSession session, String keyspace) {
    this.session = requireNonNull(session, "session");
    this.leases = new CqlLeases(session, keyspace, "push_leases");
    String t = keyspace + ".push_jobs";
    insert = session.prepare("INSERT INTO " + t + " (shard, due, job_id, recipient_id, kind, title, body, target, "
        + "collapse_key, device_id, attempt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    selectDue = session.prepare("SELECT due, job_id, recipient_id, kind, title, body, target, collapse_key, device_id, "
        + "attempt FROM " + t + " WHERE shard = ? AND due >= ? AND due <= ? LIMIT ?");
    delete = session.prepare("DELETE FROM " + t + " WHERE shard = ? AND due = ? AND job_id = ?");
  }

  @Override
  public void schedule(PushJob j) {
    try {
      session.execute(insert.bind(shard(j), j.due(), j.jobId(), j.recipientId(), j.kind().name(), j.title(), j.body(),
          j.target(), j.collapseKey(), j.deviceId(), j.attempt()).setIdempotent(true));
    } catch (RuntimeException e) {
      throw DomainException.unavailable("push queue unavailable", e);
    }
  }

  @Override
  public synchronized List<PushJob> due(Instant now, int limit) {
    renewLeases(now);
    List<PushJob> due = new ArrayList<>();
    Map<Integer, Instant> nextFrom = new HashMap<>();
    for (int shard : inTurn(held)) {
      List<PushJob> jobs;
      try {
        jobs = read(shard, readFrom.getOrDefault(shard, Instant.EPOCH), now, limit - due.size());
        if (unreadable.remove(shard)) {
          log.info("{} reads push shard {} again", owner, shard);
        }
      } catch (RuntimeException e) {
        if (unreadable.add(shard)) {
          log.warn("{} cannot read push shard {}; its jobs wait, the other shards' go on", owner, shard, e);
        }
        continue;
      }
      due.addAll(jobs);
      Instant lookBack = now.minus(LOOK_BACK);
      nextFrom.put(shard, !jobs.isEmpty() && jobs.get(0).due().isBefore(lookBack) ? jobs.get(0).due() : lookBack);
      if (due.size() >= limit) {
        break;
      }
    }
    readFrom.putAll(nextFrom);
    return due;
  }

  /** The shard's jobs due from {@code from} to {@code now}, oldest first; throws on a row this version cannot read. */
  private List<PushJob> read(int shard, Instant from, Instant now, int limit) {
    List<PushJob> jobs = new ArrayList<>();
    for (Row row : session.execute(selectDue.bind(shard, from, now, limit))) {
      jobs.add(job(row));
    }
    return jobs;
  }

  @Override
  public void done(PushJob j) {
    try {
      session.execute(delete.bind(shard(j), j.due(), j.jobId()).setIdempotent(true));
    } catch (RuntimeException e) {
      throw DomainException.unavailable("push queue unavailable", e);
    }
  }

  /** The held shards, each call starting one further on, so one shard's backlog does not starve the others. */
  private List<Integer> inTurn(Set<Integer> shards) {
    List<Integer> order = new ArrayList<>(new java.util.TreeSet<>(shards));
    if (!order.isEmpty()) {
      java.util.Collections.rotate(order, -(int) (turns++ % order.size()));
    }
    return order;
  }

  private void renewLeases(Instant now) {
    if (now.isBefore(renewedAt.plus(RENEW))) {
      return;
    }
    renewedAt = now;
    for (int shard = 0; shard < SHARDS; shard++) {
      if (leases.hold(shard, owner, LEASE)) {
        if (held.add(shard)) {
          readFrom.remove(shard);
          log.info("{} took push shard {}", owner, shard);
        }
      } else if (held.remove(shard)) {
        log.info("{} lost push shard {}", owner, shard);
      }
    }
  }

  /** Gives every held shard up, so another instance dispatches at once. */
  public synchronized void release() {
    for (int shard : held) {
      try {
        leases.release(shard, owner);
      } catch (DomainException e) {
        log.info("{} could not give up push shard {}; it lapses in {}", owner, shard, LEASE);
      }
    }
    held.clear();
  }

  private static int shard(PushJob j) {
    return shardOf(j.recipientId());
  }

  static int shardOf(String recipientId) {
    return Math.floorMod(recipientId.hashCode(), SHARDS);
  }

  private static PushJob job(Row row) {
    return new PushJob(row.getString("job_id"), row.getString("recipient_id"),
        NotificationKind.valueOf(row.getString("kind")), row.getString("title"), row.getString("body"),
        row.getString("target"), row.getString("collapse_key"), row.getString("device_id"), row.getInt("attempt"),
        row.getInstant("due"));
  }
}
