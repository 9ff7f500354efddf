package io.fitmesh.reco.adapters;

import io.fitmesh.reco.domain.ProfileStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Regions in memory (embedded mode and tests). */
public final class InMemoryProfileStore implements ProfileStore {
  private final Map<String, String> regions = new ConcurrentHashMap<>();

  @Override
  public Optional<String> region(String athleteId) {
    return Optional.ofNullable(regions.get(athleteId));
  }

  @Override
  public void setRegion(String athleteId, String region) {
    regions.put(athleteId, region);
  }
}
