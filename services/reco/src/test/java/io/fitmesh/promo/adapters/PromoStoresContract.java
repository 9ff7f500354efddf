package io.fitmesh.promo.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import io.fitmesh.promo.domain.Audience;
import io.fitmesh.promo.domain.Campaign;
import io.fitmesh.promo.domain.CampaignStore;
import io.fitmesh.promo.domain.Spend;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the promo stores must do; run against the in-memory twins and real CQL and Redis. */
abstract class PromoStoresContract {
  static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

  abstract CampaignStore campaigns();

  abstract Spend spend();

  static Campaign campaign(long budget, int cap) {
    return new Campaign(UUID.randomUUID().toString(), "Shoes -20%", Set.of("DE", "AT"), Set.of("RUN"),
        Audience.GEAR_DUE, List.of("SHOE-1", "SHOE-2"), 20, T0, T0.plusSeconds(86_400 * 30), cap, 7, budget, false,
        T0);
  }

  @Test
  void aCampaign_isCreatedOncePerRequestId_andReadBackWhole() {
    Campaign first = campaign(100, 2);
    String request = "req-" + UUID.randomUUID();
    assertThat(campaigns().create(first, request)).isEqualTo(first);
    assertThat(campaigns().create(campaign(5, 1), request)).isEqualTo(first);

    assertThat(campaigns().get(first.campaignId())).contains(first);
    assertThat(campaigns().all()).contains(first);
  }

  @Test
  void endingACampaign_isStored() {
    Campaign c = campaigns().create(campaign(100, 2), "req-" + UUID.randomUUID());
    campaigns().update(c.endedNow());

    assertThat(campaigns().get(c.campaignId()).orElseThrow().ended()).isTrue();
  }

  @Test
  void theFrequencyCap_stopsOffersToOneAthlete_notToOthers() {
    Campaign c = campaign(100, 2);
    assertThat(spend().reserve(c, "alice")).isTrue();
    assertThat(spend().reserve(c, "alice")).isTrue();
    assertThat(spend().reserve(c, "alice")).isFalse();
    assertThat(spend().reserve(c, "bob")).isTrue();
    assertThat(spend().spent(c.campaignId())).isEqualTo(3);
  }

  @Test
  void theBudget_stopsEveryOffer_onceSpent() {
    Campaign c = campaign(3, 5);
    for (String athlete : List.of("a", "b", "c")) {
      assertThat(spend().reserve(c, athlete)).isTrue();
    }
    assertThat(spend().reserve(c, "d")).isFalse();
    assertThat(spend().spent(c.campaignId())).isEqualTo(3);
  }
}
