package io.fitmesh.commerce.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The partners' last answers by region and SKU, with the time each came. Bounded: beyond {@code maxEntries} the
 * answer that came first is dropped, so SKUs of untrusted requests cannot grow it. An answer older than
 * {@code keepFor} is never given out again.
 */
final class AvailabilityCache {
  private final int maxEntries;
  private final Duration keepFor;
  private final Map<Key, Entry> entries;

  AvailabilityCache(int maxEntries, Duration keepFor) {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be at least 1");
    }
    this.maxEntries = maxEntries;
    this.keepFor = keepFor;
    this.entries = new LinkedHashMap<>(Math.min(maxEntries, 1024), 0.75f, false) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
        return size() > AvailabilityCache.this.maxEntries;
      }
    };
  }

  /** The last answer about {@code sku} in {@code region}, unless there is none or it is older than keepFor. */
  synchronized Optional<Entry> get(String region, String sku, Instant now) {
    Key key = new Key(region, sku);
    Entry entry = entries.get(key);
    if (entry == null) {
      return Optional.empty();
    }
    if (entry.age(now).compareTo(keepFor) >= 0) {
      entries.remove(key);
      return Optional.empty();
    }
    return Optional.of(entry);
  }

  synchronized void put(String region, Availability availability, Instant answeredAt) {
    Key key = new Key(region, availability.sku());
    entries.remove(key);
    entries.put(key, new Entry(availability, answeredAt));
  }

  synchronized int size() {
    return entries.size();
  }

  private record Key(String region, String sku) {}

  /** A partner's answer about one SKU and when it came. */
  record Entry(Availability availability, Instant answeredAt) {
    Duration age(Instant now) {
      return Duration.between(answeredAt, now);
    }
  }
}
