package io.fitmesh.social.domain;

import static java.util.Objects.requireNonNull;

import io.fitmesh.platform.errors.DomainException;
import io.fitmesh.platform.geo.PrivacyZone;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The follow graph as athletes change it: follow (a request for a private account), unfollow, approve or
 * decline, block (both ways' follows end; nothing of the blocker is shown to the blocked), privacy zones and
 * account privacy. An athlete is known to social once they used it or finished a workout; following an unknown
 * athlete is NOT_FOUND. A new follow puts the followee's recent workouts into the follower's timeline, an
 * unfollow takes them out.
 */
public final class Follows {
  private static final Pattern ATHLETE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final int BACKFILL = 20;

  private final GraphStore graph;
  private final ProfileStore profiles;
  private final ActivityStore activities;
  private final Timelines timelines;
  private final Audience audience;
  private final SocialEvents events;
  private final Clock clock;

  public Follows(GraphStore graph, ProfileStore profiles, ActivityStore activities, Timelines timelines,
      Audience audience, SocialEvents events, Clock clock) {
    this.graph = requireNonNull(graph, "graph");
    this.profiles = requireNonNull(profiles, "profiles");
    this.activities = requireNonNull(activities, "activities");
    this.timelines = requireNonNull(timelines, "timelines");
    this.audience = requireNonNull(audience, "audience");
    this.events = requireNonNull(events, "events");
    this.clock = requireNonNull(clock, "clock");
  }

  /** Records that the caller exists, so others can follow them. */
  public void know(String athleteId) {
    profiles.createIfAbsent(athleteId);
  }

  public FollowState follow(String followerId, String followeeId) {
    Profile followee = known(followerId, followeeId);
    if (followerId.equals(followeeId)) {
      throw DomainException.invalidArgument("athlete_id", "you cannot follow yourself");
    }
    if (audience.blocked(followerId, followeeId)) {
      throw DomainException.permissionDenied("you cannot follow " + followeeId);
    }
    FollowState now = graph.state(followerId, followeeId);
    if (now != FollowState.NONE) {
      return now;
    }
    Follow follow = new Follow(followerId, followeeId,
        followee.privateAccount() ? FollowState.REQUESTED : FollowState.FOLLOWING, clock.instant());
    graph.putFollow(follow, events.followed(follow));
    events.flush();
    if (follow.state() == FollowState.FOLLOWING) {
      backfill(followerId, followeeId);
    }
    return follow.state();
  }

  public void unfollow(String followerId, String followeeId) {
    checkId(followeeId);
    graph.removeFollow(followerId, followeeId);
    if (timelines.isBuilt(followerId)) {
      timelines.remove(followerId, activities.byAuthor(followeeId, null, 200).items().stream()
          .map(Activity::entry).toList());
    }
  }

  /** Approves or declines a request to follow the owner; NOT_FOUND when there is none. */
  public FollowState respond(String ownerId, String followerId, boolean approve) {
    checkId(followerId);
    FollowState now = graph.state(followerId, ownerId);
    if (now == FollowState.FOLLOWING && approve) {
      return now;
    }
    if (now != FollowState.REQUESTED) {
      throw DomainException.notFound("no request of " + followerId + " to follow you");
    }
    graph.removeFollow(followerId, ownerId);
    if (!approve) {
      return FollowState.NONE;
    }
    graph.putFollow(new Follow(followerId, ownerId, FollowState.FOLLOWING, clock.instant()), null);
    backfill(followerId, ownerId);
    return FollowState.FOLLOWING;
  }

  public void block(String blockerId, String blockedId) {
    known(blockerId, blockedId);
    if (blockerId.equals(blockedId)) {
      throw DomainException.invalidArgument("athlete_id", "you cannot block yourself");
    }
    graph.block(blockerId, blockedId, clock.instant());
    graph.removeFollow(blockerId, blockedId);
    graph.removeFollow(blockedId, blockerId);
    timelines.drop(blockerId);
    timelines.drop(blockedId);
  }

  public void unblock(String blockerId, String blockedId) {
    checkId(blockedId);
    graph.unblock(blockerId, blockedId);
  }

  public Relationship relationship(String viewerId, String otherId) {
    checkId(otherId);
    boolean blocked = audience.blocked(viewerId, otherId);
    return blocked ? new Relationship(FollowState.NONE, FollowState.NONE, true)
        : new Relationship(graph.state(viewerId, otherId), graph.state(otherId, viewerId), false);
  }

  public SocialProfile profile(String viewerId, String athleteId) {
    Profile profile = known(viewerId, athleteId);
    if (!viewerId.equals(athleteId) && audience.blocked(viewerId, athleteId)) {
      throw DomainException.notFound("no athlete " + athleteId);
    }
    return new SocialProfile(athleteId, profile.privateAccount(), graph.followerCount(athleteId),
        graph.followingCount(athleteId), viewerId.equals(athleteId) ? FollowState.NONE
            : graph.state(viewerId, athleteId));
  }

  /** Followers (or, in the owner's own list, pending requests); a private account's only to its followers. */
  public Page<Follow> followers(String viewerId, String athleteId, boolean requests, String after, int limit) {
    checkListVisible(viewerId, athleteId);
    if (requests) {
      if (!viewerId.equals(athleteId)) {
        throw DomainException.permissionDenied("only " + athleteId + " sees their follow requests");
      }
      return graph.requests(athleteId, after, limit);
    }
    return graph.followers(athleteId, after, limit);
  }

  public Page<Follow> following(String viewerId, String athleteId, String after, int limit) {
    checkListVisible(viewerId, athleteId);
    return graph.following(athleteId, after, limit);
  }

  public boolean setPrivate(String athleteId, boolean privateAccount) {
    Profile profile = profile(athleteId);
    profiles.save(new Profile(athleteId, privateAccount, profile.zones()));
    audience.forget(athleteId);
    return privateAccount;
  }

  public List<PrivacyZone> setZones(String athleteId, List<PrivacyZone> zones) {
    if (zones.size() > PrivacyZone.MAX_ZONES) {
      throw DomainException.invalidArgument("zones", "at most " + PrivacyZone.MAX_ZONES + " privacy zones, got "
          + zones.size());
    }
    Profile profile = profile(athleteId);
    profiles.save(new Profile(athleteId, profile.privateAccount(), zones));
    audience.forget(athleteId);
    return List.copyOf(zones);
  }

  /**
   * The candidates who may see the owner's EVERYONE workouts: not blocked either way, and followers only when
   * the owner's account is private; in the order given.
   */
  public List<String> audienceOf(String ownerId, List<String> candidates) {
    if (candidates.size() > 5000) {
      throw DomainException.invalidArgument("athlete_ids", "at most 5000 athlete ids");
    }
    java.util.Set<String> blocked = graph.blockedAmong(ownerId, candidates);
    java.util.Set<String> followers = profile(ownerId).privateAccount()
        ? graph.followersAmong(ownerId, candidates) : null;
    return candidates.stream().filter(c -> !blocked.contains(c) && (followers == null || followers.contains(c)))
        .toList();
  }

  /** Anyone's zones, for the services that clip what others see (as stored, not cached). */
  public List<PrivacyZone> zones(String athleteId) {
    checkId(athleteId);
    return profiles.get(athleteId).map(Profile::zones).orElse(List.of());
  }

  private Profile profile(String athleteId) {
    profiles.createIfAbsent(athleteId);
    return profiles.get(athleteId).orElseGet(() -> Profile.fresh(athleteId));
  }

  private void checkListVisible(String viewerId, String athleteId) {
    Profile profile = known(viewerId, athleteId);
    if (viewerId.equals(athleteId)) {
      return;
    }
    if (audience.blocked(viewerId, athleteId)) {
      throw DomainException.notFound("no athlete " + athleteId);
    }
    if (profile.privateAccount() && graph.state(viewerId, athleteId) != FollowState.FOLLOWING) {
      throw DomainException.permissionDenied(athleteId + "'s account is private");
    }
  }

  /** The other athlete's profile; NOT_FOUND when social does not know them. */
  private Profile known(String viewerId, String athleteId) {
    checkId(athleteId);
    if (viewerId.equals(athleteId)) {
      return profile(athleteId);
    }
    return profiles.get(athleteId).orElseThrow(() -> DomainException.notFound("no athlete " + athleteId));
  }

  private void backfill(String followerId, String followeeId) {
    if (!timelines.isBuilt(followerId)) {
      return;
    }
    timelines.add(followerId, activities.byAuthor(followeeId, null, BACKFILL).items().stream()
        .filter(a -> a.visibility() != Visibility.ONLY_ME).map(Activity::entry).toList());
  }

  static void checkId(String athleteId) {
    if (athleteId == null || !ATHLETE_ID.matcher(athleteId).matches()) {
      throw DomainException.invalidArgument("athlete_id", "athlete_id must be 1..64 of [A-Za-z0-9_-]");
    }
  }
}
