package io.fitmesh.social.adapters;

import io.fitmesh.social.domain.Profile;
import io.fitmesh.social.domain.ProfileStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The embedded twin of {@link ScyllaProfileStore}. */
public final class InMemoryProfileStore implements ProfileStore {
  private final Map<String, Profile> profiles = new ConcurrentHashMap<>();

  @Override
  public Optional<Profile> get(String athleteId) {
    return Optional.ofNullable(profiles.get(athleteId));
  }

  @Override
  public void createIfAbsent(String athleteId) {
    profiles.putIfAbsent(athleteId, Profile.fresh(athleteId));
  }

  @Override
  public void save(Profile profile) {
    profiles.put(profile.athleteId(), profile);
  }
}
