package io.fitmesh.notification.adapters;

import io.fitmesh.notification.domain.PreferenceStore;
import io.fitmesh.notification.domain.Preferences;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The embedded twin of {@link ScyllaPreferenceStore}. */
public final class InMemoryPreferenceStore implements PreferenceStore {
  private final Map<String, Preferences> all = new ConcurrentHashMap<>();

  @Override
  public Preferences get(String athleteId) {
    return all.getOrDefault(athleteId, Preferences.defaults());
  }

  @Override
  public void save(String athleteId, Preferences preferences) {
    all.put(athleteId, preferences);
  }
}
