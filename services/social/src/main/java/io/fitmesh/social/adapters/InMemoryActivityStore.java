package io.fitmesh.social.adapters;

import static java.util.Objects.requireNonNull;

import io.fitmesh.platform.domain.PendingEvent;
import io.fitmesh.platform.events.EnvelopeEvent;
import io.fitmesh.platform.events.InMemoryOutboxStore;
import io.fitmesh.social.domain.Activity;
import io.fitmesh.social.domain.ActivityStore;
import io.fitmesh.social.domain.Comment;
import io.fitmesh.social.domain.Page;
import io.fitmesh.social.domain.TimelineEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The embedded twin of {@link ScyllaActivityStore}; one lock makes each change and its event atomic. */
public final class InMemoryActivityStore implements ActivityStore {
  private static final Comparator<Activity> NEWEST_FIRST =
      Comparator.comparing(Activity::entry, TimelineEntry.NEWEST_FIRST);

  private final Map<String, Activity> activities = new HashMap<>();
  private final Set<String> deleted = new HashSet<>();
  private final Map<String, TreeSet<Activity>> byAuthor = new HashMap<>();
  private final Map<String, Set<String>> kudos = new HashMap<>();
  private final Map<String, TreeMap<String, Comment>> comments = new HashMap<>();
  private final Map<List<String>, String> commentRequests = new HashMap<>();
  private final InMemoryOutboxStore outbox;

  public InMemoryActivityStore(InMemoryOutboxStore outbox) {
    this.outbox = requireNonNull(outbox, "outbox");
  }

  @Override
  public synchronized void upsert(Activity activity) {
    if (deleted.contains(activity.workoutId())) {
      return;
    }
    Activity before = activities.put(activity.workoutId(), activity);
    TreeSet<Activity> list = byAuthor.computeIfAbsent(activity.authorId(), k -> new TreeSet<>(NEWEST_FIRST));
    if (before != null) {
      list.remove(before);
    }
    list.add(activity);
  }

  @Override
  public synchronized Optional<Activity> get(String workoutId) {
    return Optional.ofNullable(activities.get(workoutId));
  }

  @Override
  public synchronized Map<String, Counted> getAll(Collection<String> workoutIds) {
    Map<String, Counted> found = new HashMap<>();
    for (String id : workoutIds) {
      Activity a = activities.get(id);
      if (a != null) {
        found.put(id, new Counted(a, kudos.getOrDefault(id, Set.of()).size(),
            comments.getOrDefault(id, new TreeMap<>()).size()));
      }
    }
    return found;
  }

  @Override
  public synchronized Page<Activity> byAuthor(String authorId, String after, int limit) {
    TimelineEntry from = TimelineEntry.fromPosition(after);
    List<Activity> items = new ArrayList<>();
    for (Activity a : byAuthor.getOrDefault(authorId, new TreeSet<>(NEWEST_FIRST))) {
      if (from != null && !a.entry().isAfter(from)) {
        continue;
      }
      if (items.size() == limit) {
        return new Page<>(items, items.get(items.size() - 1).entry().position());
      }
      items.add(a);
    }
    return new Page<>(items, null);
  }

  @Override
  public synchronized void delete(String authorId, String workoutId) {
    deleted.add(workoutId);
    Activity a = activities.remove(workoutId);
    if (a != null) {
      byAuthor.getOrDefault(a.authorId(), new TreeSet<>(NEWEST_FIRST)).remove(a);
    }
    kudos.remove(workoutId);
    comments.remove(workoutId);
  }

  @Override
  public synchronized boolean addKudos(String workoutId, String athleteId, Instant at, PendingEvent event) {
    if (!kudos.computeIfAbsent(workoutId, k -> new HashSet<>()).add(athleteId)) {
      return false;
    }
    outbox.add(EnvelopeEvent.envelopeOf(event));
    return true;
  }

  @Override
  public synchronized void removeKudos(String workoutId, String athleteId) {
    kudos.getOrDefault(workoutId, new HashSet<>()).remove(athleteId);
  }

  @Override
  public synchronized Set<String> kudosGivenBy(String athleteId, Collection<String> workoutIds) {
    Set<String> given = new HashSet<>();
    for (String id : workoutIds) {
      if (kudos.getOrDefault(id, Set.of()).contains(athleteId)) {
        given.add(id);
      }
    }
    return given;
  }

  @Override
  public synchronized Comment addComment(Comment comment, String requestId, PendingEvent event) {
    TreeMap<String, Comment> onWorkout = comments.computeIfAbsent(comment.workoutId(), k -> new TreeMap<>());
    if (requestId != null) {
      String existing = commentRequests.get(List.of(comment.workoutId(), comment.authorId(), requestId));
      if (existing != null && onWorkout.containsKey(existing)) {
        return onWorkout.get(existing);
      }
      commentRequests.put(List.of(comment.workoutId(), comment.authorId(), requestId), position(comment));
    }
    onWorkout.put(position(comment), comment);
    outbox.add(EnvelopeEvent.envelopeOf(event));
    return comment;
  }

  @Override
  public synchronized Optional<Comment> comment(String workoutId, String commentId) {
    return comments.getOrDefault(workoutId, new TreeMap<>()).values().stream()
        .filter(c -> c.commentId().equals(commentId)).findFirst();
  }

  @Override
  public synchronized void deleteComment(String workoutId, String commentId) {
    comments.getOrDefault(workoutId, new TreeMap<>()).values().removeIf(c -> c.commentId().equals(commentId));
  }

  @Override
  public synchronized Page<Comment> comments(String workoutId, String after, int limit) {
    TreeMap<String, Comment> all = comments.getOrDefault(workoutId, new TreeMap<>());
    List<Comment> items = new ArrayList<>();
    for (Map.Entry<String, Comment> e : (after == null ? all : all.tailMap(after, false)).entrySet()) {
      if (items.size() == limit) {
        return new Page<>(items, position(items.get(items.size() - 1)));
      }
      items.add(e.getValue());
    }
    return new Page<>(items, null);
  }

  /** Oldest first: zero-padded creation millis, then id. */
  static String position(Comment c) {
    return String.format("%015d", c.createTime().toEpochMilli()) + ":" + c.commentId();
  }
}
