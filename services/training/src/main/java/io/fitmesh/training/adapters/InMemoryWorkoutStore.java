package io.fitmesh.training.adapters;

import io.fitmesh.platform.events.EnvelopeEvent;
import io.fitmesh.platform.events.InMemoryOutboxStore;
import io.fitmesh.platform.domain.PendingEvent;
import io.fitmesh.training.domain.WorkoutPage;
import io.fitmesh.training.domain.WorkoutRecord;
import io.fitmesh.training.domain.WorkoutStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The embedded twin of {@link ScyllaWorkoutStore}; one lock makes each change and its event atomic. A deleted
 * workout stays as its tombstone, which nothing replaces.
 */
public final class InMemoryWorkoutStore implements WorkoutStore {
  private static final Comparator<WorkoutRecord> NEWEST_FIRST =
      Comparator.comparing(WorkoutRecord::startTime).reversed().thenComparing(WorkoutRecord::workoutId);

  private final Map<String, WorkoutRecord> workouts = new HashMap<>();
  private final InMemoryOutboxStore outbox;

  public InMemoryWorkoutStore(InMemoryOutboxStore outbox) {
    this.outbox = outbox;
  }

  @Override
  public synchronized Optional<WorkoutRecord> get(String workoutId) {
    return Optional.ofNullable(workouts.get(workoutId));
  }

  @Override
  public synchronized WorkoutRecord createIfAbsent(WorkoutRecord workout) {
    return workouts.computeIfAbsent(workout.workoutId(), id -> workout);
  }

  @Override
  public synchronized WorkoutPage listByAthlete(String athleteId, String position, int limit) {
    List<WorkoutRecord> mine = new ArrayList<>(workouts.values().stream()
        .filter(w -> w.athleteId().equals(athleteId) && w.state() != WorkoutRecord.State.DELETED
            && !w.isBeingImported())
        .sorted(NEWEST_FIRST).toList());
    int from = 0;
    if (position != null) {
      WorkoutPosition after = WorkoutPosition.parse(position);
      while (from < mine.size() && !after.isBefore(mine.get(from))) {
        from++;
      }
    }
    List<WorkoutRecord> page = mine.subList(from, Math.min(mine.size(), from + limit));
    boolean more = from + limit < mine.size();
    return new WorkoutPage(List.copyOf(page), more ? WorkoutPosition.of(page.get(page.size() - 1)) : null);
  }

  @Override
  public synchronized void finish(WorkoutRecord finished, PendingEvent completed) {
    WorkoutRecord current = workouts.get(finished.workoutId());
    if (current == null || current.state() != WorkoutRecord.State.DELETED) {
      workouts.put(finished.workoutId(), finished);
    }
    outbox.add(EnvelopeEvent.envelopeOf(completed));
  }

  @Override
  public synchronized void update(WorkoutRecord changed, PendingEvent event) {
    WorkoutRecord current = workouts.get(changed.workoutId());
    if (current == null || current.state() != WorkoutRecord.State.DELETED) {
      workouts.put(changed.workoutId(), changed);
    }
    if (event != null) {
      outbox.add(EnvelopeEvent.envelopeOf(event));
    }
  }

  @Override
  public synchronized void delete(WorkoutRecord workout, PendingEvent deleted) {
    workouts.put(workout.workoutId(), WorkoutRecord.tombstone(workout.workoutId(), workout.athleteId()));
    outbox.add(EnvelopeEvent.envelopeOf(deleted));
  }
}
