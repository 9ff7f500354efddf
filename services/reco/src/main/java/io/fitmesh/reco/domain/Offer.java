package io.fitmesh.reco.domain;

import java.time.Instant;

/** A product offered to the athlete by a campaign: in stock in their region, at the regional price. */
public record Offer(
    String campaignId,
    String title,
    String sku,
    String currency,
    long priceMinor,
    long offerPriceMinor,
    int discountPercent,
    Instant endsAt,
    String because) {

  /** The id an athlete dismisses it by: "promo:&lt;campaign&gt;". */
  public String recommendationId() {
    return "promo:" + campaignId;
  }
}
