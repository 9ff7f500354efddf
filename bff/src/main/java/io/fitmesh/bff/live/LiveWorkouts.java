package io.fitmesh.bff.live;

import static java.util.Objects.requireNonNull;

import io.fitmesh.platform.events.EventBus;
import io.fitmesh.platform.events.EventSubscription;
import io.fitmesh.platform.events.SubscriptionSpec;
import io.fitmesh.training.v1.TrainingCompleted;
import io.fitmesh.training.v1.TrainingUpdated;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live state of workouts being recorded, for this BFF instance's watchers. Every instance follows all of
 * training.updated and training.completed on ephemeral subscriptions of its own, remembers each workout's
 * newest state (forgotten once finished, and bounded), and hands updates to the watchers of that workout.
 */
public final class LiveWorkouts implements AutoCloseable {
  private static final int MAX_REMEMBERED = 50_000;

  /** Someone watching one workout. */
  public interface Watcher {
    void update(TrainingUpdated state);

    void finished();
  }

  private final Map<String, TrainingUpdated> latest = new ConcurrentHashMap<>();
  private final Map<String, Set<Watcher>> watchers = new ConcurrentHashMap<>();
  private final EventSubscription updates;
  private final EventSubscription completions;

  public LiveWorkouts(EventBus bus) {
    requireNonNull(bus, "bus");
    String instance = "bff-live-" + UUID.randomUUID();
    updates = bus.subscribe(SubscriptionSpec.ephemeral("training.updated", instance),
        e -> onUpdate(e.payload(TrainingUpdated.class)));
    completions = bus.subscribe(SubscriptionSpec.ephemeral("training.completed", instance),
        e -> onFinished(e.payload(TrainingCompleted.class).getWorkout().getWorkoutId()));
  }

  /** Starts delivering a workout's states to the watcher; close the result to stop. */
  public AutoCloseable watch(String workoutId, Watcher watcher) {
    watchers.computeIfAbsent(workoutId, id -> ConcurrentHashMap.newKeySet()).add(watcher);
    Optional.ofNullable(latest.get(workoutId)).ifPresent(watcher::update);
    return () -> watchers.computeIfPresent(workoutId, (id, set) -> {
      set.remove(watcher);
      return set.isEmpty() ? null : set;
    });
  }

  private void onUpdate(TrainingUpdated state) {
    TrainingUpdated previous = latest.get(state.getWorkoutId());
    if (previous != null && previous.getDurableThroughSeq() > state.getDurableThroughSeq()) {
      return;
    }
    if (latest.size() > MAX_REMEMBERED) {
      latest.clear();
    }
    latest.put(state.getWorkoutId(), state);
    watchers.getOrDefault(state.getWorkoutId(), Set.of()).forEach(w -> w.update(state));
  }

  private void onFinished(String workoutId) {
    latest.remove(workoutId);
    Set<Watcher> done = watchers.remove(workoutId);
    if (done != null) {
      done.forEach(Watcher::finished);
    }
  }

  @Override
  public void close() {
    updates.close();
    completions.close();
  }
}
