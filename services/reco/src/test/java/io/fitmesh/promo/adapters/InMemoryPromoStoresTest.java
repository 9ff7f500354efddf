package io.fitmesh.promo.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import io.fitmesh.promo.domain.Campaign;
import io.fitmesh.promo.domain.CampaignStore;
import io.fitmesh.promo.domain.Spend;
import io.fitmesh.testkit.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The promo stores' contract on the in-memory twins, and the cap's window. */
class InMemoryPromoStoresTest extends PromoStoresContract {
  private final ManualClock clock = new ManualClock(T0);
  private final InMemoryCampaignStore campaigns = new InMemoryCampaignStore();
  private final InMemorySpend spend = new InMemorySpend(clock);

  @Override
  CampaignStore campaigns() {
    return campaigns;
  }

  @Override
  Spend spend() {
    return spend;
  }

  @Test
  void theFrequencyCap_opensAgain_afterItsWindow() {
    Campaign c = campaign(100, 1);
    assertThat(spend.reserve(c, "alice")).isTrue();
    assertThat(spend.reserve(c, "alice")).isFalse();

    clock.set(T0.plus(Duration.ofDays(c.frequencyWindowDays())));

    assertThat(spend.reserve(c, "alice")).isTrue();
  }
}
