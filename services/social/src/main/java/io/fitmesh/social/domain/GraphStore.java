package io.fitmesh.social.domain;

import io.fitmesh.platform.domain.PendingEvent;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;

/**
 * The follow graph: approved follows both ways (followers, following), pending requests, blocks, and counts.
 * Lists are in athlete id order; positions are athlete ids. Failures are UNAVAILABLE domain exceptions.
 */
public interface GraphStore {

  /** The follower towards the followee. */
  FollowState state(String followerId, String followeeId);

  /** Stores a follow or a request, and its event when there is one, atomically; an approved one is counted. */
  void putFollow(Follow follow, PendingEvent event);

  /** Removes the follow or the request (idempotent); a removed approved follow is uncounted. */
  void removeFollow(String followerId, String followeeId);

  /** Approved followers. */
  Page<Follow> followers(String athleteId, String after, int limit);

  /** Requests waiting for the athlete's approval. */
  Page<Follow> requests(String athleteId, String after, int limit);

  /** Athletes the athlete follows (approved). */
  Page<Follow> following(String athleteId, String after, int limit);

  long followerCount(String athleteId);

  long followingCount(String athleteId);

  /** The candidates who follow the athlete (approved), in one read. */
  Set<String> followersAmong(String athleteId, Collection<String> candidates);

  /** The candidates the follower follows (approved), in one read. */
  Set<String> followedAmong(String followerId, Collection<String> candidates);

  /** Records a block by {@code blockerId}. */
  void block(String blockerId, String blockedId, Instant at);

  void unblock(String blockerId, String blockedId);

  /** The others who blocked the athlete or whom the athlete blocked. */
  Set<String> blockedAmong(String athleteId, Collection<String> others);
}
