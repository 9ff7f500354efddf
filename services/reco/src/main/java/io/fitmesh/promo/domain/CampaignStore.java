package io.fitmesh.promo.domain;

import java.util.List;
import java.util.Optional;

/** Campaigns. Their number is bounded (see {@link Campaigns#MAX_CAMPAIGNS}), so all of them can be read at once. */
public interface CampaignStore {
  /** Stores a new campaign under the request id; the same request id again returns the first campaign. */
  Campaign create(Campaign campaign, String requestId);

  void update(Campaign campaign);

  Optional<Campaign> get(String campaignId);

  /** Every campaign, in no particular order. */
  List<Campaign> all();
}
