package io.fitmesh.reco.adapters;

import io.fitmesh.reco.domain.Gear;
import io.fitmesh.reco.domain.GearStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Gear in memory (embedded mode and tests). */
public final class InMemoryGearStore implements GearStore {
  private final Map<String, Map<String, Gear>> gear = new HashMap<>();
  private final Map<String, String> requests = new HashMap<>();
  private final Map<String, Counted> counted = new HashMap<>();

  private record Counted(String athleteId, String gearId, double distanceM) {}

  @Override
  public synchronized Gear create(Gear g, String requestId) {
    String existing = requests.putIfAbsent(g.athleteId() + "/" + requestId, g.gearId());
    if (existing != null) {
      return gear.get(g.athleteId()).get(existing);
    }
    gear.computeIfAbsent(g.athleteId(), a -> new HashMap<>()).put(g.gearId(), g);
    return g;
  }

  /** Replaces the gear but keeps the distance counted on it, as the CQL store does. */
  @Override
  public synchronized void update(Gear g) {
    double counted = get(g.athleteId(), g.gearId()).map(Gear::distanceM).orElse(0.0);
    gear.computeIfAbsent(g.athleteId(), a -> new HashMap<>()).put(g.gearId(), g.withDistance(counted));
  }

  @Override
  public synchronized List<Gear> list(String athleteId) {
    return List.copyOf(gear.getOrDefault(athleteId, Map.of()).values());
  }

  @Override
  public synchronized Optional<Gear> get(String athleteId, String gearId) {
    return Optional.ofNullable(gear.getOrDefault(athleteId, Map.of()).get(gearId));
  }

  @Override
  public synchronized void count(String athleteId, String workoutId, String gearId, double distanceM) {
    if (counted.putIfAbsent(workoutId, new Counted(athleteId, gearId, distanceM)) == null) {
      resum(athleteId, gearId);
    }
  }

  @Override
  public synchronized void uncount(String athleteId, String workoutId) {
    Counted c = counted.get(workoutId);
    if (c != null && c.athleteId().equals(athleteId)) {
      counted.remove(workoutId);
      resum(athleteId, c.gearId());
    }
  }

  private void resum(String athleteId, String gearId) {
    get(athleteId, gearId).ifPresent(g -> gear.get(athleteId).put(gearId, g.withDistance(counted.values().stream()
        .filter(c -> c.gearId().equals(gearId)).mapToDouble(Counted::distanceM).sum())));
  }
}
