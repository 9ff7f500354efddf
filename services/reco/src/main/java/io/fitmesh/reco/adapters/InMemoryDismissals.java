package io.fitmesh.reco.adapters;

import io.fitmesh.reco.domain.Dismissals;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Dismissals in memory (embedded mode and tests). */
public final class InMemoryDismissals implements Dismissals {
  private final Clock clock;
  private final Map<String, Map<String, Instant>> until = new HashMap<>();

  public InMemoryDismissals(Clock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized void dismiss(String athleteId, String recommendationId, Duration hideFor) {
    until.computeIfAbsent(athleteId, a -> new HashMap<>()).put(recommendationId, clock.instant().plus(hideFor));
  }

  @Override
  public synchronized Set<String> hidden(String athleteId) {
    Instant now = clock.instant();
    Map<String, Instant> mine = until.getOrDefault(athleteId, Map.of());
    mine.values().removeIf(t -> !t.isAfter(now));
    return mine.entrySet().stream().map(Map.Entry::getKey).collect(Collectors.toUnmodifiableSet());
  }
}
