package io.fitmesh.platform.cache;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A small in-process cache of answers that may be a little stale (who follows whom, privacy zones): each value
 * lives for {@code ttl}; at {@code maxEntries} the expired ones are dropped, and when that is not enough, all.
 * Concurrent misses of one key may each load it; loads are expected to be cheap and idempotent.
 */
public final class ExpiringCache<K, V> {
  private final Duration ttl;
  private final int maxEntries;
  private final Clock clock;
  private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

  public ExpiringCache(Duration ttl, int maxEntries, Clock clock) {
    this.ttl = requireNonNull(ttl, "ttl");
    this.maxEntries = maxEntries;
    this.clock = requireNonNull(clock, "clock");
  }

  /** The cached value, or {@code load}'s (cached) when there is none or it expired. */
  public V get(K key, Function<K, V> load) {
    Instant now = clock.instant();
    Entry<V> entry = entries.get(key);
    if (entry != null && now.isBefore(entry.expires)) {
      return entry.value;
    }
    V value = load.apply(key);
    if (entries.size() >= maxEntries) {
      entries.values().removeIf(e -> !now.isBefore(e.expires));
      if (entries.size() >= maxEntries) {
        entries.clear();
      }
    }
    entries.put(key, new Entry<>(value, now.plus(ttl)));
    return value;
  }

  /**
   * The cached values of these keys, loading the missing or expired ones in one call; a key {@code loadMissing}
   * leaves out has no value (and is asked again next time).
   */
  public Map<K, V> getAll(java.util.Collection<K> keys, Function<java.util.Set<K>, Map<K, V>> loadMissing) {
    Instant now = clock.instant();
    Map<K, V> found = new java.util.HashMap<>();
    java.util.Set<K> missing = new java.util.HashSet<>();
    for (K key : keys) {
      Entry<V> entry = entries.get(key);
      if (entry != null && now.isBefore(entry.expires)) {
        found.put(key, entry.value);
      } else {
        missing.add(key);
      }
    }
    if (!missing.isEmpty()) {
      Map<K, V> loaded = loadMissing.apply(missing);
      if (entries.size() + loaded.size() >= maxEntries) {
        entries.values().removeIf(e -> !now.isBefore(e.expires));
        if (entries.size() + loaded.size() >= maxEntries) {
          entries.clear();
        }
      }
      loaded.forEach((k, v) -> entries.put(k, new Entry<>(v, now.plus(ttl))));
      found.putAll(loaded);
    }
    return found;
  }

  /** Forgets a key, e.g. after the caller changed what it caches. */
  public void invalidate(K key) {
    entries.remove(key);
  }

  private record Entry<V>(V value, Instant expires) {}
}
