package io.fitmesh.group.adapters;

import io.fitmesh.group.domain.ClubActivityStore;
import io.fitmesh.group.domain.ClubWorkout;
import io.fitmesh.group.domain.Page;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The embedded twin of {@link ScyllaClubActivityStore}. */
public final class InMemoryClubActivityStore implements ClubActivityStore {
  private final Map<String, Map<String, ClubWorkout>> feeds = new HashMap<>();
  private final Map<ClubWeekKey, Map<String, ClubWorkout>> weeks = new HashMap<>();
  private final Map<String, Set<ClubWeekKey>> placed = new HashMap<>();
  private final Set<String> deleted = new HashSet<>();

  @Override
  public synchronized void record(ClubWorkout workout, Collection<ClubWeekKey> clubs) {
    if (deleted.contains(workout.workoutId())) {
      return;
    }
    for (ClubWeekKey key : clubs) {
      feeds.computeIfAbsent(key.clubId(), k -> new HashMap<>()).put(workout.workoutId(), workout);
      weeks.computeIfAbsent(key, k -> new HashMap<>()).put(workout.workoutId(), workout);
      placed.computeIfAbsent(workout.workoutId(), k -> new HashSet<>()).add(key);
    }
  }

  @Override
  public synchronized void delete(String workoutId) {
    deleted.add(workoutId);
    for (ClubWeekKey key : placed.getOrDefault(workoutId, Set.of())) {
      feeds.getOrDefault(key.clubId(), new HashMap<>()).remove(workoutId);
      weeks.getOrDefault(key, new HashMap<>()).remove(workoutId);
    }
    placed.remove(workoutId);
  }

  @Override
  public synchronized Page<String> feed(String clubId, String after, int limit) {
    List<ClubWorkout> all = feeds.getOrDefault(clubId, Map.of()).values().stream()
        .sorted(Comparator.comparing(InMemoryClubActivityStore::position).reversed()).toList();
    List<String> items = new ArrayList<>();
    String last = null;
    for (ClubWorkout w : all) {
      if (after != null && position(w).compareTo(after) >= 0) {
        continue;
      }
      if (items.size() == limit) {
        return new Page<>(items, last);
      }
      items.add(w.workoutId());
      last = position(w);
    }
    return new Page<>(items, null);
  }

  @Override
  public synchronized List<ClubWorkout> week(String clubId, LocalDate weekStart) {
    return List.copyOf(weeks.getOrDefault(new ClubWeekKey(clubId, weekStart), Map.of()).values());
  }

  /** Newest first: zero-padded start millis, then workout id. */
  static String position(ClubWorkout w) {
    return String.format("%015d", w.startTime().toEpochMilli()) + ":" + w.workoutId();
  }
}
