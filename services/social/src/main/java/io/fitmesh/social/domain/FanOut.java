package io.fitmesh.social.domain;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Training's events into activities and home timelines. A finished workout is stored as its author's activity,
 * then handed to the fan-out consumers in batches of followers ({@link #BATCH}); an author with at least
 * {@code celebrityFollowers} followers is not fanned out (their followers' feeds pull their workouts). ONLY_ME
 * workouts are stored but not fanned out; widening one later fans it out then. Everything is idempotent:
 * a redelivered event writes the same rows and timeline entries.
 */
public final class FanOut {
  /** Followers per fan-out message. */
  public static final int BATCH = 1000;
  /** Followers read per query. */
  static final int READ_PAGE = 5000;

  private final ActivityStore activities;
  private final GraphStore graph;
  private final ProfileStore profiles;
  private final Celebrities celebrities;
  private final FanOutQueue queue;
  private final Timelines timelines;
  private final long celebrityFollowers;

  public FanOut(ActivityStore activities, GraphStore graph, ProfileStore profiles, Celebrities celebrities,
      FanOutQueue queue, Timelines timelines, long celebrityFollowers) {
    this.activities = requireNonNull(activities, "activities");
    this.graph = requireNonNull(graph, "graph");
    this.profiles = requireNonNull(profiles, "profiles");
    this.celebrities = requireNonNull(celebrities, "celebrities");
    this.queue = requireNonNull(queue, "queue");
    this.timelines = requireNonNull(timelines, "timelines");
    this.celebrityFollowers = celebrityFollowers;
  }

  /** training.completed. */
  public void onCompleted(Activity activity) {
    profiles.createIfAbsent(activity.authorId());
    activities.upsert(activity);
    if (activity.visibility() != Visibility.ONLY_ME) {
      fanOut(activity);
    }
  }

  /** training.changed: the stored activity follows; a workout no longer ONLY_ME is fanned out now. */
  public void onChanged(Activity activity) {
    Visibility before = activities.get(activity.workoutId()).map(Activity::visibility).orElse(Visibility.ONLY_ME);
    activities.upsert(activity);
    if (before == Visibility.ONLY_ME && activity.visibility() != Visibility.ONLY_ME
        && activities.get(activity.workoutId()).isPresent()) {
      fanOut(activity);
    }
  }

  /** training.deleted: the activity goes for good; timelines drop its entry when they next read it. */
  public void onDeleted(String authorId, String workoutId) {
    activities.delete(authorId, workoutId);
  }

  /** Batches of social.fanout: each entry into each of its followers' built timelines, all at once. */
  public void apply(List<Timelines.Delivery> deliveries) {
    timelines.fanOut(deliveries);
  }

  /** Queues the activity's batches as the followers are read, and returns once every batch is queued. */
  private void fanOut(Activity activity) {
    TimelineEntry entry = activity.entry();
    if (graph.followerCount(activity.authorId()) >= celebrityFollowers) {
      celebrities.add(activity.authorId());
      queue.send(entry, List.of(activity.authorId())).join();
      return;
    }
    List<CompletableFuture<?>> queued = new ArrayList<>();
    List<String> batch = new ArrayList<>(BATCH);
    batch.add(activity.authorId());
    String position = null;
    do {
      Page<Follow> followers = graph.followers(activity.authorId(), position, READ_PAGE);
      for (Follow f : followers.items()) {
        batch.add(f.followerId());
        if (batch.size() == BATCH) {
          queued.add(queue.send(entry, batch));
          batch = new ArrayList<>(BATCH);
        }
      }
      position = followers.next();
    } while (position != null);
    if (!batch.isEmpty()) {
      queued.add(queue.send(entry, batch));
    }
    CompletableFuture.allOf(queued.toArray(CompletableFuture[]::new)).join();
  }
}
