package io.fitmesh.promo.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fitmesh.platform.errors.DomainException;
import io.fitmesh.promo.adapters.InMemoryCampaignStore;
import io.fitmesh.promo.adapters.InMemorySpend;
import io.fitmesh.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PromotionsTest {
  private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
  private final ManualClock clock = new ManualClock(NOW);
  private final InMemorySpend spend = new InMemorySpend(clock);
  private final Campaigns campaigns = new Campaigns(new InMemoryCampaignStore(), spend, clock, Duration.ofSeconds(5));
  private final Map<String, Stock.Item> catalogue = new HashMap<>();
  private final AtomicReference<Optional<String>> failure = new AtomicReference<>(Optional.empty());
  private final Promotions promotions = new Promotions(campaigns,
      (region, skus) -> CompletableFuture.completedFuture(failure.get().map(Stock::unknown)
          .orElseGet(() -> new Stock(Map.copyOf(catalogue), Optional.empty()))), spend);

  private static final AthleteFacts RUNNER_WITH_WORN_SHOES = new AthleteFacts("DE", Set.of("RUN"),
      List.of(new AthleteFacts.GearDue("RUN", "Pegasus", 650_000, 700_000)), false, false);

  private Campaign shoes(long budget, int cap) {
    return campaigns.create(new Campaign("", "Shoes -20%", Set.of("de"), Set.of("RUN"), Audience.GEAR_DUE,
        List.of("SHOE-A", "SHOE-B"), 20, NOW.minusSeconds(60), NOW.plus(Duration.ofDays(30)), cap, 7, budget, false,
        NOW), null, "ops");
  }

  @Test
  void aRunnerWithWornShoes_getsTheFirstInStockShoe_atTheRegionalPriceLessTheDiscount() {
    Campaign c = shoes(100, 3);
    catalogue.put("SHOE-A", new Stock.Item("SHOE-A", false, 12_999, "EUR"));
    catalogue.put("SHOE-B", new Stock.Item("SHOE-B", true, 14_999, "EUR"));

    Promotions.Answer answer = promotions.offers("alice", RUNNER_WITH_WORN_SHOES, Set.of(), 0).join();

    assertThat(answer.offers()).singleElement().satisfies(o -> {
      assertThat(o.campaignId()).isEqualTo(c.campaignId());
      assertThat(o.sku()).isEqualTo("SHOE-B");
      assertThat(o.priceMinor()).isEqualTo(14_999);
      assertThat(o.offerPriceMinor()).isEqualTo(11_999);
      assertThat(o.because()).isEqualTo("your Pegasus has 650 km of its 700 km");
    });
    assertThat(answer.unavailable()).isEmpty();
  }

  @Test
  void outOfStockEverywhere_orAnotherRegion_orNoWornGear_meansNoOffer() {
    shoes(100, 3);
    catalogue.put("SHOE-A", new Stock.Item("SHOE-A", false, 12_999, "GBP"));
    catalogue.put("SHOE-B", new Stock.Item("SHOE-B", false, 14_999, "GBP"));

    assertThat(promotions.offers("alice", RUNNER_WITH_WORN_SHOES, Set.of(), 0).join().offers()).isEmpty();
    assertThat(promotions.offers("alice", new AthleteFacts("GB", Set.of("RUN"), RUNNER_WITH_WORN_SHOES.gearDue(),
        false, false), Set.of(), 0).join().offers()).isEmpty();
    catalogue.put("SHOE-A", new Stock.Item("SHOE-A", true, 12_999, "EUR"));
    assertThat(promotions.offers("alice", new AthleteFacts("DE", Set.of("RUN"), List.of(), false, false), Set.of(),
        0).join().offers()).isEmpty();
  }

  @Test
  void theFrequencyCapAndTheBudget_stopTheOffer() {
    shoes(2, 1);
    catalogue.put("SHOE-A", new Stock.Item("SHOE-A", true, 12_999, "EUR"));

    assertThat(promotions.offers("alice", RUNNER_WITH_WORN_SHOES, Set.of(), 0).join().offers()).hasSize(1);
    assertThat(promotions.offers("alice", RUNNER_WITH_WORN_SHOES, Set.of(), 0).join().offers()).isEmpty();
    assertThat(promotions.offers("bob", RUNNER_WITH_WORN_SHOES, Set.of(), 0).join().offers()).hasSize(1);
    assertThat(promotions.offers("carol", RUNNER_WITH_WORN_SHOES, Set.of(), 0).join().offers()).isEmpty();
  }

  @Test
  void anOfferNobodyWaitsForAnyMore_isNotCounted() {
    Campaign c = shoes(100, 3);
    catalogue.put("SHOE-A", new Stock.Item("SHOE-A", true, 12_999, "EUR"));

    assertThat(promotions.offers("alice", RUNNER_WITH_WORN_SHOES, Set.of(), 0, () -> false).join().offers()).isEmpty();
    assertThat(spend.spent(c.campaignId())).isZero();
  }

  @Test
  void aDismissedCampaign_isNotOffered() {
    Campaign c = shoes(100, 3);
    catalogue.put("SHOE-A", new Stock.Item("SHOE-A", true, 12_999, "EUR"));

    assertThat(promotions.offers("alice", RUNNER_WITH_WORN_SHOES, Set.of(c.campaignId()), 0).join().offers()).isEmpty();
  }

  @Test
  void whenCommerceCannotSay_noOfferIsCounted_andTheAnswerSaysWhy() {
    Campaign c = shoes(100, 3);
    failure.set(Optional.of("the shop did not answer in time"));

    Promotions.Answer answer = promotions.offers("alice", RUNNER_WITH_WORN_SHOES, Set.of(), 0).join();

    assertThat(answer.offers()).isEmpty();
    assertThat(answer.unavailable()).contains("the shop did not answer in time");
    assertThat(spend.spent(c.campaignId())).isZero();
  }

  @Test
  void anEndedOrExpiredCampaign_makesNoOffer() {
    Campaign c = shoes(100, 3);
    catalogue.put("SHOE-A", new Stock.Item("SHOE-A", true, 12_999, "EUR"));
    campaigns.end(c.campaignId());
    assertThat(promotions.offers("alice", RUNNER_WITH_WORN_SHOES, Set.of(), 0).join().offers()).isEmpty();

    shoes(100, 3);
    clock.advance(Duration.ofDays(31));
    assertThat(promotions.offers("alice", RUNNER_WITH_WORN_SHOES, Set.of(), 0).join().offers()).isEmpty();
  }

  @Test
  void aBadCampaign_isRefusedWithTheFieldNamed() {
    assertThatThrownBy(() -> campaigns.create(new Campaign("", "x", Set.of("Germany"), Set.of(), Audience.EVERYONE,
        List.of("A"), 10, NOW, NOW.plusSeconds(60), 1, 1, 10, false, NOW), null, "ops"))
        .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.getMessage()).contains("ISO 3166-1"));
    assertThatThrownBy(() -> campaigns.create(new Campaign("", "x", Set.of("DE"), Set.of(), Audience.EVERYONE,
        List.of("A"), 95, NOW, NOW.plusSeconds(60), 1, 1, 10, false, NOW), null, "ops"))
        .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.getMessage()).contains("discount_percent"));
    assertThatThrownBy(() -> campaigns.create(new Campaign("", "x", Set.of("DE"), Set.of(), null,
        List.of("A"), 10, NOW, NOW.plusSeconds(60), 1, 1, 10, false, NOW), null, "ops"))
        .isInstanceOf(DomainException.class);
    assertThatThrownBy(() -> campaigns.create(new Campaign("", "x", Set.of("DE"), Set.of(), Audience.EVERYONE,
        List.of("A"), 10, NOW, NOW.minusSeconds(60), 1, 1, 10, false, NOW), null, "ops"))
        .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.getMessage()).contains("ends_at"));
  }
}
