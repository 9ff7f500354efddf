package io.fitmesh.social.adapters;

import io.fitmesh.platform.storage.CqlCalls;
import static java.util.Objects.requireNonNull;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.BatchType;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import io.fitmesh.platform.domain.PendingEvent;
import io.fitmesh.platform.events.EnvelopeEvent;
import io.fitmesh.platform.storage.ScyllaOutboxStore;
import io.fitmesh.social.domain.Follow;
import io.fitmesh.social.domain.FollowState;
import io.fitmesh.social.domain.GraphStore;
import io.fitmesh.social.domain.Page;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The follow graph in CQL: {@code followers} and {@code following} (approved, one partition per athlete, both
 * written in one LOGGED batch with the event), {@code follow_requests}, {@code blocks} and {@code blocked_by},
 * and counters in {@code follow_counts}. Counters are changed after the batch and only on a state change, so a
 * crash in between can leave a count one off until the athlete's next change (shown counts only; nothing relies
 * on them being exact but the celebrity threshold).
 */
public final class ScyllaGraphStore implements GraphStore {
  private static final int IN_CHUNK = 100;

  private final CqlSession session;
  private final ScyllaOutboxStore outbox;
  private final PreparedStatement selectFollowing;
  private final PreparedStatement selectRequest;
  private final PreparedStatement insertFollower;
  private final PreparedStatement insertFollowing;
  private final PreparedStatement insertRequest;
  private final PreparedStatement deleteFollower;
  private final PreparedStatement deleteFollowing;
  private final PreparedStatement deleteRequest;
  private final PreparedStatement countFollow;
  private final PreparedStatement selectCounts;
  private final PreparedStatement followersFirst;
  private final PreparedStatement followersAfter;
  private final PreparedStatement followingFirst;
  private final PreparedStatement followingAfter;
  private final PreparedStatement requestsFirst;
  private final PreparedStatement requestsAfter;
  private final PreparedStatement followingAmong;
  private final PreparedStatement followersAmongQuery;
  private final PreparedStatement insertBlock;
  private final PreparedStatement insertBlockedBy;
  private final PreparedStatement deleteBlock;
  private final PreparedStatement deleteBlockedBy;
  private final PreparedStatement blocksAmong;
  private final PreparedStatement blockedByAmong;

  public ScyllaGraphStore(CqlSession session, String keyspace, ScyllaOutboxStore outbox) {
    this.session = requireNonNull(session, "session");
    this.outbox = requireNonNull(outbox, "outbox");
    String ks = keyspace + ".";
    selectFollowing = session.prepare("SELECT since FROM " + ks + "following WHERE athlete_id = ? AND followee_id = ?");
    selectRequest = session.prepare("SELECT since FROM " + ks + "follow_requests WHERE athlete_id = ? AND requester_id = ?");
    insertFollower = session.prepare("INSERT INTO " + ks + "followers (athlete_id, follower_id, since) VALUES (?, ?, ?)");
    insertFollowing = session.prepare("INSERT INTO " + ks + "following (athlete_id, followee_id, since) VALUES (?, ?, ?)");
    insertRequest = session.prepare("INSERT INTO " + ks
        + "follow_requests (athlete_id, requester_id, since) VALUES (?, ?, ?)");
    deleteFollower = session.prepare("DELETE FROM " + ks + "followers WHERE athlete_id = ? AND follower_id = ?");
    deleteFollowing = session.prepare("DELETE FROM " + ks + "following WHERE athlete_id = ? AND followee_id = ?");
    deleteRequest = session.prepare("DELETE FROM " + ks + "follow_requests WHERE athlete_id = ? AND requester_id = ?");
    countFollow = session.prepare("UPDATE " + ks + "follow_counts SET followers = followers + ?, "
        + "following = following + ? WHERE athlete_id = ?");
    selectCounts = session.prepare("SELECT followers, following FROM " + ks + "follow_counts WHERE athlete_id = ?");
    followersFirst = session.prepare("SELECT follower_id AS other, since FROM " + ks
        + "followers WHERE athlete_id = ? LIMIT ?");
    followersAfter = session.prepare("SELECT follower_id AS other, since FROM " + ks
        + "followers WHERE athlete_id = ? AND follower_id > ? LIMIT ?");
    followingFirst = session.prepare("SELECT followee_id AS other, since FROM " + ks
        + "following WHERE athlete_id = ? LIMIT ?");
    followingAfter = session.prepare("SELECT followee_id AS other, since FROM " + ks
        + "following WHERE athlete_id = ? AND followee_id > ? LIMIT ?");
    requestsFirst = session.prepare("SELECT requester_id AS other, since FROM " + ks
        + "follow_requests WHERE athlete_id = ? LIMIT ?");
    requestsAfter = session.prepare("SELECT requester_id AS other, since FROM " + ks
        + "follow_requests WHERE athlete_id = ? AND requester_id > ? LIMIT ?");
    followingAmong = session.prepare("SELECT followee_id FROM " + ks
        + "following WHERE athlete_id = ? AND followee_id IN ?");
    followersAmongQuery = session.prepare("SELECT follower_id FROM " + ks
        + "followers WHERE athlete_id = ? AND follower_id IN ?");
    insertBlock = session.prepare("INSERT INTO " + ks + "blocks (athlete_id, blocked_id, since) VALUES (?, ?, ?)");
    insertBlockedBy = session.prepare("INSERT INTO " + ks + "blocked_by (athlete_id, blocker_id) VALUES (?, ?)");
    deleteBlock = session.prepare("DELETE FROM " + ks + "blocks WHERE athlete_id = ? AND blocked_id = ?");
    deleteBlockedBy = session.prepare("DELETE FROM " + ks + "blocked_by WHERE athlete_id = ? AND blocker_id = ?");
    blocksAmong = session.prepare("SELECT blocked_id FROM " + ks + "blocks WHERE athlete_id = ? AND blocked_id IN ?");
    blockedByAmong = session.prepare("SELECT blocker_id FROM " + ks
        + "blocked_by WHERE athlete_id = ? AND blocker_id IN ?");
  }

  @Override
  public FollowState state(String followerId, String followeeId) {
    return CqlCalls.call("follow graph", () -> {
      if (session.execute(selectFollowing.bind(followerId, followeeId)).one() != null) {
        return FollowState.FOLLOWING;
      }
      return session.execute(selectRequest.bind(followeeId, followerId)).one() != null
          ? FollowState.REQUESTED : FollowState.NONE;
    });
  }

  @Override
  public void putFollow(Follow follow, PendingEvent event) {
    FollowState before = state(follow.followerId(), follow.followeeId());
    BatchStatementBuilder batch = BatchStatement.builder(BatchType.LOGGED);
    if (follow.state() == FollowState.FOLLOWING) {
      batch.addStatement(insertFollower.bind(follow.followeeId(), follow.followerId(), follow.since()))
          .addStatement(insertFollowing.bind(follow.followerId(), follow.followeeId(), follow.since()))
          .addStatement(deleteRequest.bind(follow.followeeId(), follow.followerId()));
    } else {
      batch.addStatement(insertRequest.bind(follow.followeeId(), follow.followerId(), follow.since()));
    }
    if (event != null) {
      batch.addStatement(outbox.insert(EnvelopeEvent.envelopeOf(event)));
    }
    CqlCalls.run("follow graph", () -> session.execute(batch.build()));
    if (follow.state() == FollowState.FOLLOWING && before != FollowState.FOLLOWING) {
      count(follow.followerId(), follow.followeeId(), 1);
    }
  }

  @Override
  public void removeFollow(String followerId, String followeeId) {
    FollowState before = state(followerId, followeeId);
    if (before == FollowState.NONE) {
      return;
    }
    CqlCalls.run("follow graph", () -> session.execute(BatchStatement.builder(BatchType.LOGGED)
        .addStatement(deleteFollower.bind(followeeId, followerId))
        .addStatement(deleteFollowing.bind(followerId, followeeId))
        .addStatement(deleteRequest.bind(followeeId, followerId))
        .build()));
    if (before == FollowState.FOLLOWING) {
      count(followerId, followeeId, -1);
    }
  }

  private void count(String followerId, String followeeId, long delta) {
    CqlCalls.run("follow counts", () -> {
      session.execute(countFollow.bind(delta, 0L, followeeId));
      session.execute(countFollow.bind(0L, delta, followerId));
    });
  }

  @Override
  public Page<Follow> followers(String athleteId, String after, int limit) {
    return page(after == null ? followersFirst.bind(athleteId, limit + 1)
        : followersAfter.bind(athleteId, after, limit + 1), limit, athleteId, true, FollowState.FOLLOWING);
  }

  @Override
  public Page<Follow> requests(String athleteId, String after, int limit) {
    return page(after == null ? requestsFirst.bind(athleteId, limit + 1)
        : requestsAfter.bind(athleteId, after, limit + 1), limit, athleteId, true, FollowState.REQUESTED);
  }

  @Override
  public Page<Follow> following(String athleteId, String after, int limit) {
    return page(after == null ? followingFirst.bind(athleteId, limit + 1)
        : followingAfter.bind(athleteId, after, limit + 1), limit, athleteId, false, FollowState.FOLLOWING);
  }

  private Page<Follow> page(BoundStatement query, int limit, String athleteId, boolean othersFollow,
      FollowState state) {
    return CqlCalls.call("follow graph", () -> {
      List<Follow> items = new ArrayList<>();
      boolean more = false;
      for (Row row : session.execute(query)) {
        if (items.size() == limit) {
          more = true;
          break;
        }
        String other = row.getString("other");
        Instant since = row.getInstant("since");
        items.add(othersFollow ? new Follow(other, athleteId, state, since) : new Follow(athleteId, other, state, since));
      }
      String next = more ? (othersFollow ? items.get(items.size() - 1).followerId()
          : items.get(items.size() - 1).followeeId()) : null;
      return new Page<>(items, next);
    });
  }

  @Override
  public long followerCount(String athleteId) {
    return counts(athleteId)[0];
  }

  @Override
  public long followingCount(String athleteId) {
    return counts(athleteId)[1];
  }

  private long[] counts(String athleteId) {
    return CqlCalls.call("follow counts", () -> {
      Row row = session.execute(selectCounts.bind(athleteId)).one();
      return row == null ? new long[] {0, 0} : new long[] {Math.max(0, row.getLong("followers")),
          Math.max(0, row.getLong("following"))};
    });
  }

  @Override
  public Set<String> followersAmong(String athleteId, Collection<String> candidates) {
    return among(followersAmongQuery, athleteId, candidates, "follower_id");
  }

  @Override
  public Set<String> followedAmong(String followerId, Collection<String> candidates) {
    return among(followingAmong, followerId, candidates, "followee_id");
  }

  @Override
  public void block(String blockerId, String blockedId, Instant at) {
    CqlCalls.run("blocks", () -> session.execute(BatchStatement.builder(BatchType.LOGGED)
        .addStatement(insertBlock.bind(blockerId, blockedId, at))
        .addStatement(insertBlockedBy.bind(blockedId, blockerId))
        .build()));
  }

  @Override
  public void unblock(String blockerId, String blockedId) {
    CqlCalls.run("blocks", () -> session.execute(BatchStatement.builder(BatchType.LOGGED)
        .addStatement(deleteBlock.bind(blockerId, blockedId))
        .addStatement(deleteBlockedBy.bind(blockedId, blockerId))
        .build()));
  }

  @Override
  public Set<String> blockedAmong(String athleteId, Collection<String> others) {
    Set<String> found = new HashSet<>(among(blocksAmong, athleteId, others, "blocked_id"));
    found.addAll(among(blockedByAmong, athleteId, others, "blocker_id"));
    return found;
  }

  /** The ids among the candidates present in the athlete's partition, read in chunks of {@value #IN_CHUNK}. */
  private Set<String> among(PreparedStatement query, String athleteId, Collection<String> candidates, String column) {
    if (candidates.isEmpty()) {
      return Set.of();
    }
    return CqlCalls.call("follow graph", () -> {
      List<String> all = new ArrayList<>(new HashSet<>(candidates));
      Set<String> found = new HashSet<>();
      for (int i = 0; i < all.size(); i += IN_CHUNK) {
        for (Row row : session.execute(query.bind(athleteId, all.subList(i, Math.min(all.size(), i + IN_CHUNK))))) {
          found.add(row.getString(column));
        }
      }
      return found;
    });
  }
}
