package io.fitmesh.promo.domain;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A promotion of products (SKUs) to the athletes of some regions, sports and audience, for a while. Each athlete is
 * shown it at most {@code frequencyCap} times per window of {@code frequencyWindowDays} days (counted from the first
 * time in the window); the campaign shows at most {@code budget} offers in all. Empty {@code sports} means any.
 */
public record Campaign(
    String campaignId,
    String title,
    Set<String> regions,
    Set<String> sports,
    Audience audience,
    List<String> skus,
    int discountPercent,
    Instant startsAt,
    Instant endsAt,
    int frequencyCap,
    int frequencyWindowDays,
    long budget,
    boolean ended,
    Instant createdAt) {

  public Campaign {
    regions = Set.copyOf(regions);
    sports = Set.copyOf(sports);
    skus = List.copyOf(skus);
  }

  /** Running at {@code now}: started, not past its end, not ended by an admin. */
  public boolean runningAt(Instant now) {
    return !ended && !now.isBefore(startsAt) && now.isBefore(endsAt);
  }

  public Campaign withId(String id) {
    return new Campaign(id, title, regions, sports, audience, skus, discountPercent, startsAt, endsAt, frequencyCap,
        frequencyWindowDays, budget, ended, createdAt);
  }

  public Campaign endedNow() {
    return new Campaign(campaignId, title, regions, sports, audience, skus, discountPercent, startsAt, endsAt,
        frequencyCap, frequencyWindowDays, budget, true, createdAt);
  }

  /** The price after the discount, rounded down to a minor unit. */
  public long offerPrice(long priceMinor) {
    return priceMinor * (100 - discountPercent) / 100;
  }
}
