package io.fitmesh.social.adapters;

import io.fitmesh.social.domain.Celebrities;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The embedded twin of {@link ScyllaCelebrities}. */
public final class InMemoryCelebrities implements Celebrities {
  private final Set<String> all = ConcurrentHashMap.newKeySet();

  @Override
  public Set<String> all() {
    return Set.copyOf(all);
  }

  @Override
  public void add(String athleteId) {
    all.add(athleteId);
  }
}
