package io.fitmesh.promo.adapters;

import io.fitmesh.promo.domain.Campaign;
import io.fitmesh.promo.domain.Spend;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Budgets and frequency caps in memory (embedded mode and tests). */
public final class InMemorySpend implements Spend {
  private final Clock clock;
  private final Map<String, Long> spent = new HashMap<>();
  private final Map<String, Window> shown = new HashMap<>();

  private record Window(Instant start, int count) {}

  public InMemorySpend(Clock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized boolean reserve(Campaign campaign, String athleteId) {
    Instant now = clock.instant();
    String key = campaign.campaignId() + "/" + athleteId;
    Window window = shown.get(key);
    if (window == null || !now.isBefore(window.start().plus(Duration.ofDays(campaign.frequencyWindowDays())))) {
      window = new Window(now, 0);
    }
    if (spent.getOrDefault(campaign.campaignId(), 0L) >= campaign.budget() || window.count() >= campaign.frequencyCap()) {
      return false;
    }
    spent.merge(campaign.campaignId(), 1L, Long::sum);
    shown.put(key, new Window(window.start(), window.count() + 1));
    return true;
  }

  @Override
  public synchronized long spent(String campaignId) {
    return spent.getOrDefault(campaignId, 0L);
  }
}
