package io.fitmesh.social.domain;

import static java.util.Objects.requireNonNull;

import io.fitmesh.platform.cache.ExpiringCache;
import io.fitmesh.platform.geo.PrivacyZone;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Who may see what, for a whole page at once (one follow read, one block read). The author sees all of their
 * own; anyone else sees nothing across a block, never ONLY_ME, FOLLOWERS only as an approved follower, and
 * EVERYONE unless the author's account is private and they do not follow. Profiles (private account, privacy
 * zones) are read through a cache of a few seconds.
 */
public final class Audience {
  static final Duration PROFILE_FRESHNESS = Duration.ofSeconds(5);

  private final GraphStore graph;
  private final ProfileStore profiles;
  private final ExpiringCache<String, Profile> profileCache;

  public Audience(GraphStore graph, ProfileStore profiles, Clock clock) {
    this.graph = requireNonNull(graph, "graph");
    this.profiles = requireNonNull(profiles, "profiles");
    this.profileCache = new ExpiringCache<>(PROFILE_FRESHNESS, 100_000, clock);
  }

  /** The activities the viewer may see, in the order given. */
  public List<Activity> visible(String viewerId, List<Activity> activities) {
    Set<String> others = new HashSet<>();
    for (Activity a : activities) {
      if (!a.authorId().equals(viewerId)) {
        others.add(a.authorId());
      }
    }
    Set<String> followed = others.isEmpty() ? Set.of() : graph.followedAmong(viewerId, others);
    Set<String> blocked = others.isEmpty() ? Set.of() : graph.blockedAmong(viewerId, others);
    List<Activity> shown = new ArrayList<>(activities.size());
    for (Activity a : activities) {
      if (a.authorId().equals(viewerId) || mayView(a, followed.contains(a.authorId()), blocked.contains(a.authorId()))) {
        shown.add(a);
      }
    }
    return shown;
  }

  public boolean mayView(String viewerId, Activity activity) {
    return !visible(viewerId, List.of(activity)).isEmpty();
  }

  private boolean mayView(Activity a, boolean follows, boolean blocked) {
    if (blocked) {
      return false;
    }
    return switch (a.visibility()) {
      case ONLY_ME -> false;
      case FOLLOWERS -> follows;
      case EVERYONE -> follows || !profile(a.authorId()).privateAccount();
    };
  }

  /** The athlete's privacy zones (through the cache). */
  public List<PrivacyZone> zones(String athleteId) {
    return profile(athleteId).zones();
  }

  /** The athlete's profile through the cache; a fresh one when social does not know them. */
  public Profile profile(String athleteId) {
    return profileCache.get(athleteId, id -> profiles.get(id).orElseGet(() -> Profile.fresh(id)));
  }

  /** Forgets a cached profile after its athlete changed it, so their next reads see the change. */
  public void forget(String athleteId) {
    profileCache.invalidate(athleteId);
  }

  /** Whether either blocked the other. */
  public boolean blocked(String viewerId, String otherId) {
    return !graph.blockedAmong(viewerId, List.of(otherId)).isEmpty();
  }

  /** The authors among these whose accounts the viewer sees (not blocked either way). */
  public Set<String> notBlocked(String viewerId, Collection<String> authors) {
    Set<String> blocked = graph.blockedAmong(viewerId, authors);
    Set<String> shown = new HashSet<>(authors);
    shown.removeAll(blocked);
    return shown;
  }
}
