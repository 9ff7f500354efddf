package io.fitmesh.promo.adapters;

import io.fitmesh.promo.domain.Campaign;
import io.fitmesh.promo.domain.CampaignStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Campaigns in memory (embedded mode and tests). */
public final class InMemoryCampaignStore implements CampaignStore {
  private final Map<String, Campaign> campaigns = new HashMap<>();
  private final Map<String, String> requests = new HashMap<>();

  @Override
  public synchronized Campaign create(Campaign campaign, String requestId) {
    String existing = requests.putIfAbsent(requestId, campaign.campaignId());
    if (existing != null) {
      return campaigns.get(existing);
    }
    campaigns.put(campaign.campaignId(), campaign);
    return campaign;
  }

  @Override
  public synchronized void update(Campaign campaign) {
    campaigns.put(campaign.campaignId(), campaign);
  }

  @Override
  public synchronized Optional<Campaign> get(String campaignId) {
    return Optional.ofNullable(campaigns.get(campaignId));
  }

  @Override
  public synchronized List<Campaign> all() {
    return List.copyOf(campaigns.values());
  }
}
