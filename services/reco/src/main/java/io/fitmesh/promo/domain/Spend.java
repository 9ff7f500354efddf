package io.fitmesh.promo.domain;

/** Counts shown offers against a campaign's budget and each athlete's frequency cap, atomically. */
public interface Spend {
  /** Counts one offer of the campaign to the athlete when both the budget and their cap allow it; false if not. */
  boolean reserve(Campaign campaign, String athleteId);

  /** Offers the campaign has shown. */
  long spent(String campaignId);
}
