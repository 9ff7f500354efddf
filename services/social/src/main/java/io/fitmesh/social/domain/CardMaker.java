package io.fitmesh.social.domain;

import static java.util.Objects.requireNonNull;

import io.fitmesh.platform.cache.ExpiringCache;
import io.fitmesh.platform.geo.PrivacyZone;
import java.time.Clock;
import java.time.Duration;
import io.fitmesh.platform.geo.Routes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cards of activities a viewer may see: the route as the viewer may see it (whole for the author, without the
 * author's privacy zones for anyone else), the counts, and whether the viewer gave kudos (one read per page).
 * Stored activities are shared between viewers for {@link #FRESHNESS}: a count or a delete shows that much later.
 */
public final class CardMaker {
  /** How long a stored activity and its counts are reused between reads of all viewers. */
  static final Duration FRESHNESS = Duration.ofSeconds(1);

  private final ActivityStore activities;
  private final Audience audience;
  private final ExpiringCache<String, ActivityStore.Counted> stored;

  public CardMaker(ActivityStore activities, Audience audience, Clock clock) {
    this.activities = requireNonNull(activities, "activities");
    this.audience = requireNonNull(audience, "audience");
    this.stored = new ExpiringCache<>(FRESHNESS, 200_000, clock);
  }

  /** Cards of these activities, in their order; each must be one the viewer may see. */
  public List<Card> cards(String viewerId, List<ActivityStore.Counted> shown) {
    if (shown.isEmpty()) {
      return List.of();
    }
    Set<String> kudos = activities.kudosGivenBy(viewerId,
        shown.stream().map(c -> c.activity().workoutId()).toList());
    List<Card> cards = new ArrayList<>(shown.size());
    for (ActivityStore.Counted c : shown) {
      Activity a = c.activity();
      List<PrivacyZone> zones = a.authorId().equals(viewerId) ? List.of() : audience.zones(a.authorId());
      cards.add(new Card(a, Routes.encodePolyline(PrivacyZone.outside(a.route(), zones)), c.kudosCount(),
          c.commentCount(), kudos.contains(a.workoutId())));
    }
    return cards;
  }

  /** The stored activities for these ids that the viewer may see, in the order asked. */
  public List<ActivityStore.Counted> visible(String viewerId, List<String> workoutIds) {
    Map<String, ActivityStore.Counted> found = stored.getAll(workoutIds, activities::getAll);
    List<Activity> candidates = new ArrayList<>();
    for (String id : workoutIds) {
      ActivityStore.Counted c = found.get(id);
      if (c != null) {
        candidates.add(c.activity());
      }
    }
    return audience.visible(viewerId, candidates).stream().map(a -> found.get(a.workoutId())).toList();
  }
}
