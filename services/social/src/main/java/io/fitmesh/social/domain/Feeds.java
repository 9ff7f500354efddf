package io.fitmesh.social.domain;

import static java.util.Objects.requireNonNull;

import io.fitmesh.platform.cache.ExpiringCache;
import io.fitmesh.platform.errors.DomainException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Feeds as a viewer reads them. The home feed pages the viewer's Redis timeline (rebuilt from CQL when it is
 * missing), merges the recent workouts of the celebrities the viewer follows (never fanned out), and filters
 * every page at read: visibility may have changed since fan-out, a follow may have ended, a workout may be
 * gone. ONLY_ME workouts are in no feed (their athlete finds them in their own activity list).
 */
public final class Feeds {
  /** Followed athletes a rebuild reads, the most recently followed first. */
  static final int REBUILD_FOLLOWEES = 2000;
  /** Workouts per followed athlete a rebuild puts in the timeline. */
  static final int REBUILD_PER_AUTHOR = 20;
  private static final int ROUNDS = 5;
  private static final Duration CELEBRITY_FRESHNESS = Duration.ofSeconds(10);
  /** A celebrity's recent workouts are read by many followers at once: shared for a second. */
  private static final Duration CELEBRITY_POSTS_FRESHNESS = Duration.ofSeconds(1);
  /** A read timeline's lapse is pushed back at most this often. */
  private static final Duration TOUCH_EVERY = Duration.ofMinutes(5);

  private final ActivityStore activities;
  private final Timelines timelines;
  private final GraphStore graph;
  private final Celebrities celebrities;
  private final Audience audience;
  private final CardMaker cards;
  private final ExpiringCache<String, FollowedCelebrities> followedCelebrities;
  private final ExpiringCache<List<String>, List<Activity>> celebrityPosts;
  private final ExpiringCache<String, Boolean> touched;

  public Feeds(ActivityStore activities, Timelines timelines, GraphStore graph, Celebrities celebrities,
      Audience audience, Clock clock) {
    this.activities = requireNonNull(activities, "activities");
    this.timelines = requireNonNull(timelines, "timelines");
    this.graph = requireNonNull(graph, "graph");
    this.celebrities = requireNonNull(celebrities, "celebrities");
    this.audience = requireNonNull(audience, "audience");
    this.cards = new CardMaker(activities, audience, clock);
    this.followedCelebrities = new ExpiringCache<>(CELEBRITY_FRESHNESS, 100_000, clock);
    this.celebrityPosts = new ExpiringCache<>(CELEBRITY_POSTS_FRESHNESS, 10_000, clock);
    this.touched = new ExpiringCache<>(TOUCH_EVERY, 100_000, clock);
  }

  /** The viewer's home feed after a position from a previous page. */
  public Page<Card> home(String viewerId, String after, int limit) {
    if (!timelines.isBuilt(viewerId)) {
      rebuild(viewerId);
    } else {
      touched.get(viewerId, v -> {
        timelines.touch(v);
        return true;
      });
    }
    TimelineEntry cursor = TimelineEntry.fromPosition(after);
    Set<String> celebs = followedCelebrities(viewerId);
    List<ActivityStore.Counted> shown = new ArrayList<>();
    boolean more = true;
    for (int round = 0; round < ROUNDS && shown.size() <= limit && more; round++) {
      int want = (limit + 1 - shown.size()) * 2;
      TreeSet<TimelineEntry> candidates = new TreeSet<>(TimelineEntry.NEWEST_FIRST);
      List<TimelineEntry> fromTimeline = timelines.page(viewerId, cursor, want);
      candidates.addAll(fromTimeline);
      more = fromTimeline.size() == want;
      for (String celebrity : celebs) {
        String from = cursor == null ? "" : cursor.position();
        int wanted = want;
        List<Activity> recent = celebrityPosts.get(List.of(celebrity, from, Integer.toString(want)),
            k -> activities.byAuthor(celebrity, from.isEmpty() ? null : from, wanted).items());
        recent.forEach(a -> candidates.add(a.entry()));
        more |= recent.size() == want;
      }
      List<TimelineEntry> page = candidates.stream().limit(want).toList();
      if (page.isEmpty()) {
        break;
      }
      shown.addAll(homeVisible(viewerId, page));
      cursor = page.get(page.size() - 1);
      more |= candidates.size() > want;
    }
    return page(viewerId, shown, limit);
  }

  /** The celebrities the viewer follows, cached a few seconds per viewer and recomputed when a new one appears. */
  private Set<String> followedCelebrities(String viewerId) {
    Set<String> all = celebrities.all();
    FollowedCelebrities cached = followedCelebrities.get(viewerId, v -> new FollowedCelebrities(all,
        graph.followedAmong(v, all)));
    if (!cached.among().equals(all)) {
      followedCelebrities.invalidate(viewerId);
      cached = followedCelebrities.get(viewerId, v -> new FollowedCelebrities(all, graph.followedAmong(v, all)));
    }
    return cached.followed();
  }

  private record FollowedCelebrities(Set<String> among, Set<String> followed) {}

  /** The stored, visible entries of a home timeline page; deleted ones are taken out of the timeline. */
  private List<ActivityStore.Counted> homeVisible(String viewerId, List<TimelineEntry> page) {
    Map<String, ActivityStore.Counted> found = activities.getAll(page.stream().map(TimelineEntry::workoutId).toList());
    List<TimelineEntry> gone = page.stream().filter(e -> !found.containsKey(e.workoutId())).toList();
    if (!gone.isEmpty()) {
      timelines.remove(viewerId, gone);
    }
    Set<String> authors = new HashSet<>();
    page.forEach(e -> authors.add(e.authorId()));
    authors.remove(viewerId);
    Set<String> followed = authors.isEmpty() ? Set.of() : graph.followedAmong(viewerId, authors);
    Set<String> blocked = authors.isEmpty() ? Set.of() : graph.blockedAmong(viewerId, authors);
    List<ActivityStore.Counted> shown = new ArrayList<>();
    for (TimelineEntry e : page) {
      ActivityStore.Counted c = found.get(e.workoutId());
      if (c == null || c.activity().visibility() == Visibility.ONLY_ME) {
        continue;
      }
      String author = c.activity().authorId();
      if (author.equals(viewerId) || (followed.contains(author) && !blocked.contains(author))) {
        shown.add(c);
      }
    }
    return shown;
  }

  /** An athlete's workouts that the viewer may see; NOT_FOUND across a block. */
  public Page<Card> ofAuthor(String viewerId, String authorId, String after, int limit) {
    if (!viewerId.equals(authorId) && audience.blocked(viewerId, authorId)) {
      throw DomainException.notFound("no athlete " + authorId);
    }
    List<ActivityStore.Counted> shown = new ArrayList<>();
    String position = after;
    for (int round = 0; round < ROUNDS && shown.size() <= limit; round++) {
      Page<Activity> stored = activities.byAuthor(authorId, position, (limit + 1 - shown.size()) * 2);
      if (stored.items().isEmpty()) {
        break;
      }
      shown.addAll(cards.visible(viewerId, stored.items().stream().map(Activity::workoutId).toList()));
      position = stored.items().get(stored.items().size() - 1).entry().position();
      if (stored.next() == null) {
        break;
      }
    }
    return page(viewerId, shown, limit);
  }

  /** Cards of the given workouts that the viewer may see, in the order asked. */
  public List<Card> cards(String viewerId, List<String> workoutIds) {
    return cards.cards(viewerId, cards.visible(viewerId, workoutIds));
  }

  /**
   * Makes the viewer's timeline again from CQL: their own and their followed athletes' recent workouts (not
   * celebrities', which are pulled at read). Marked built first, so no fan-out in between is missed.
   */
  public int rebuild(String viewerId) {
    timelines.markBuilt(viewerId);
    Set<String> celebs = celebrities.all();
    List<String> authors = new ArrayList<>();
    authors.add(viewerId);
    String position = null;
    do {
      Page<Follow> page = graph.following(viewerId, position, 500);
      page.items().stream().map(Follow::followeeId).filter(id -> !celebs.contains(id)).forEach(authors::add);
      position = page.next();
    } while (position != null && authors.size() < REBUILD_FOLLOWEES);
    Map<String, TimelineEntry> entries = new LinkedHashMap<>();
    for (String author : authors) {
      for (Activity a : activities.byAuthor(author, null, REBUILD_PER_AUTHOR).items()) {
        if (a.visibility() != Visibility.ONLY_ME) {
          entries.put(a.workoutId(), a.entry());
        }
      }
    }
    timelines.add(viewerId, entries.values());
    return entries.size();
  }

  private Page<Card> page(String viewerId, List<ActivityStore.Counted> shown, int limit) {
    List<ActivityStore.Counted> taken = shown.size() > limit ? shown.subList(0, limit) : shown;
    String next = shown.size() > limit ? taken.get(taken.size() - 1).activity().entry().position() : null;
    return new Page<>(cards.cards(viewerId, taken), next);
  }
}
