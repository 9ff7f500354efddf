package io.fitmesh.social.adapters;

import static java.util.Objects.requireNonNull;

import io.fitmesh.platform.domain.PendingEvent;
import io.fitmesh.platform.events.EnvelopeEvent;
import io.fitmesh.platform.events.InMemoryOutboxStore;
import io.fitmesh.social.domain.Follow;
import io.fitmesh.social.domain.FollowState;
import io.fitmesh.social.domain.GraphStore;
import io.fitmesh.social.domain.Page;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/** The embedded twin of {@link ScyllaGraphStore}; one lock makes each change and its event atomic. */
public final class InMemoryGraphStore implements GraphStore {
  /** followee -> follower -> follow (approved and requested). */
  private final Map<String, NavigableMap<String, Follow>> toFollowee = new java.util.HashMap<>();
  /** follower -> followee -> follow (approved and requested). */
  private final Map<String, NavigableMap<String, Follow>> fromFollower = new java.util.HashMap<>();
  private final Set<List<String>> blocks = new HashSet<>();
  private final InMemoryOutboxStore outbox;

  public InMemoryGraphStore(InMemoryOutboxStore outbox) {
    this.outbox = requireNonNull(outbox, "outbox");
  }

  @Override
  public synchronized FollowState state(String followerId, String followeeId) {
    Follow f = fromFollower.getOrDefault(followerId, new TreeMap<>()).get(followeeId);
    return f == null ? FollowState.NONE : f.state();
  }

  @Override
  public synchronized void putFollow(Follow follow, PendingEvent event) {
    toFollowee.computeIfAbsent(follow.followeeId(), k -> new TreeMap<>()).put(follow.followerId(), follow);
    fromFollower.computeIfAbsent(follow.followerId(), k -> new TreeMap<>()).put(follow.followeeId(), follow);
    if (event != null) {
      outbox.add(EnvelopeEvent.envelopeOf(event));
    }
  }

  @Override
  public synchronized void removeFollow(String followerId, String followeeId) {
    toFollowee.getOrDefault(followeeId, new TreeMap<>()).remove(followerId);
    fromFollower.getOrDefault(followerId, new TreeMap<>()).remove(followeeId);
  }

  @Override
  public synchronized Page<Follow> followers(String athleteId, String after, int limit) {
    return page(toFollowee.get(athleteId), FollowState.FOLLOWING, after, limit);
  }

  @Override
  public synchronized Page<Follow> requests(String athleteId, String after, int limit) {
    return page(toFollowee.get(athleteId), FollowState.REQUESTED, after, limit);
  }

  @Override
  public synchronized Page<Follow> following(String athleteId, String after, int limit) {
    return page(fromFollower.get(athleteId), FollowState.FOLLOWING, after, limit);
  }

  /** Follows of one state after the key {@code after}, keys being the map's (the other athlete's id). */
  private static Page<Follow> page(NavigableMap<String, Follow> all, FollowState state, String after, int limit) {
    List<Follow> items = new ArrayList<>();
    String lastKey = null;
    if (all != null) {
      for (Map.Entry<String, Follow> e : (after == null ? all : all.tailMap(after, false)).entrySet()) {
        if (e.getValue().state() != state) {
          continue;
        }
        if (items.size() == limit) {
          return new Page<>(items, lastKey);
        }
        items.add(e.getValue());
        lastKey = e.getKey();
      }
    }
    return new Page<>(items, null);
  }

  @Override
  public synchronized long followerCount(String athleteId) {
    return count(toFollowee.get(athleteId));
  }

  @Override
  public synchronized long followingCount(String athleteId) {
    return count(fromFollower.get(athleteId));
  }

  private static long count(Map<String, Follow> follows) {
    return follows == null ? 0 : follows.values().stream().filter(f -> f.state() == FollowState.FOLLOWING).count();
  }

  @Override
  public synchronized Set<String> followersAmong(String athleteId, Collection<String> candidates) {
    Set<String> found = new HashSet<>();
    for (String c : candidates) {
      if (state(c, athleteId) == FollowState.FOLLOWING) {
        found.add(c);
      }
    }
    return found;
  }

  @Override
  public synchronized Set<String> followedAmong(String followerId, Collection<String> candidates) {
    Set<String> found = new HashSet<>();
    for (String c : candidates) {
      if (state(followerId, c) == FollowState.FOLLOWING) {
        found.add(c);
      }
    }
    return found;
  }

  @Override
  public synchronized void block(String blockerId, String blockedId, Instant at) {
    blocks.add(List.of(blockerId, blockedId));
  }

  @Override
  public synchronized void unblock(String blockerId, String blockedId) {
    blocks.remove(List.of(blockerId, blockedId));
  }

  @Override
  public synchronized Set<String> blockedAmong(String athleteId, Collection<String> others) {
    Set<String> found = new HashSet<>();
    for (String o : others) {
      if (blocks.contains(List.of(athleteId, o)) || blocks.contains(List.of(o, athleteId))) {
        found.add(o);
      }
    }
    return found;
  }
}
