package io.fitmesh.training.analytics.adapters;

import io.fitmesh.training.analytics.domain.AnalyticsStore;
import io.fitmesh.training.domain.WorkoutRecord;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The embedded twin of {@link ScyllaAnalyticsStore}. */
public final class InMemoryAnalyticsStore implements AnalyticsStore {
  private final Map<String, Map<String, WorkoutRecord>> byAthlete = new ConcurrentHashMap<>();
  private final Set<String> removed = ConcurrentHashMap.newKeySet();

  @Override
  public synchronized void upsert(WorkoutRecord finished) {
    if (!removed.contains(finished.athleteId() + "/" + finished.workoutId())) {
      byAthlete.computeIfAbsent(finished.athleteId(), a -> new ConcurrentHashMap<>()).put(finished.workoutId(), finished);
    }
  }

  @Override
  public synchronized void remove(String athleteId, String workoutId) {
    removed.add(athleteId + "/" + workoutId);
    byAthlete.getOrDefault(athleteId, Map.of()).remove(workoutId);
  }

  @Override
  public List<WorkoutRecord> all(String athleteId) {
    return List.copyOf(byAthlete.getOrDefault(athleteId, Map.of()).values());
  }
}
