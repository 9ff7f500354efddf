package io.fitmesh.telemetry.adapters;

import io.fitmesh.telemetry.domain.SampleReading;
import io.fitmesh.telemetry.domain.SampleStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.NavigableMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** The embedded twin of {@link ScyllaSampleStore}: a purged workout takes no more samples. */
public final class InMemorySampleStore implements SampleStore {
  private final Map<String, NavigableMap<Long, SampleReading>> workouts = new ConcurrentHashMap<>();
  private final Set<String> purged = ConcurrentHashMap.newKeySet();

  @Override
  public CompletableFuture<Void> append(String workoutId, List<SampleReading> samples) {
    if (purged.contains(workoutId)) {
      return CompletableFuture.completedFuture(null);
    }
    NavigableMap<Long, SampleReading> stored =
        workouts.computeIfAbsent(workoutId, id -> new ConcurrentSkipListMap<>());
    samples.forEach(s -> stored.put(s.seq(), s));
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public List<SampleReading> read(String workoutId, long fromSeq, long toSeq, int limit) {
    NavigableMap<Long, SampleReading> stored = workouts.get(workoutId);
    if (stored == null || fromSeq > toSeq) {
      return List.of();
    }
    List<SampleReading> page = new ArrayList<>();
    for (SampleReading s : stored.subMap(fromSeq, true, toSeq, true).values()) {
      if (page.size() == limit) {
        break;
      }
      page.add(s);
    }
    return page;
  }

  @Override
  public void purge(String workoutId, long highestSeq) {
    purged.add(workoutId);
    workouts.remove(workoutId);
  }
}
