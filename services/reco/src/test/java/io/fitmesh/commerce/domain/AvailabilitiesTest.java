package io.fitmesh.commerce.domain;

import io.fitmesh.testkit.ManualClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The availability use case against a fake catalogue and a clock that moves only when told. */
class AvailabilitiesTest {
  private static final Duration FRESH = Duration.ofSeconds(60);
  private static final Duration STALE = Duration.ofMinutes(10);
  private static final Availability SHOE = new Availability("SHOE-PEG40-42", true, 12999, "EUR");
  private static final Availability STRAP = new Availability("HRM-STRAP-BT", false, 8999, "EUR");

  private final ManualClock clock = new ManualClock(Instant.parse("2026-11-30T10:00:00Z"));
  private final FakeCatalogue catalogue = new FakeCatalogue(Map.of("DE", List.of(SHOE, STRAP)));
  private final Availabilities availabilities = new Availabilities(catalogue, clock, FRESH, STALE, 10);

  @Test
  void missingSkus_areAskedInOneCall_andUnknownOnesAreAbsent() throws Exception {
    CatalogueAnswer answer = check("DE", "SHOE-PEG40-42", "HRM-STRAP-BT", "NO-SUCH-SKU");

    assertThat(catalogue.calls).containsExactly(Set.of("SHOE-PEG40-42", "HRM-STRAP-BT", "NO-SUCH-SKU"));
    assertThat(answer.items()).containsOnly(Map.entry(SHOE.sku(), SHOE), Map.entry(STRAP.sku(), STRAP));
    assertThat(answer.stale()).isFalse();
    assertThat(answer.unavailable()).isEmpty();
  }

  @Test
  void freshAnswers_areGivenWithoutAskingAgain_andOnlyTheOthersAreAsked() throws Exception {
    check("DE", "SHOE-PEG40-42");
    clock.advance(FRESH.minusSeconds(1));

    CatalogueAnswer again = check("DE", "SHOE-PEG40-42");
    CatalogueAnswer more = check("DE", "SHOE-PEG40-42", "HRM-STRAP-BT");

    assertThat(again.items()).containsOnlyKeys("SHOE-PEG40-42");
    assertThat(more.items()).containsOnlyKeys("SHOE-PEG40-42", "HRM-STRAP-BT");
    assertThat(catalogue.calls).containsExactly(Set.of("SHOE-PEG40-42"), Set.of("HRM-STRAP-BT"));
  }

  @Test
  void answersOlderThanFresh_areAskedAgain() throws Exception {
    check("DE", "SHOE-PEG40-42");
    clock.advance(FRESH);

    check("DE", "SHOE-PEG40-42");

    assertThat(catalogue.calls).hasSize(2);
  }

  @Test
  void aFailingPartner_givesEarlierAnswersMarkedStale_withTheReason() throws Exception {
    check("DE", "SHOE-PEG40-42");
    clock.advance(FRESH.plus(STALE).minusSeconds(1));
    catalogue.failing = Unavailable.TIMED_OUT;

    CatalogueAnswer answer = check("DE", "SHOE-PEG40-42", "HRM-STRAP-BT");

    assertThat(answer.items()).containsOnly(Map.entry(SHOE.sku(), SHOE));
    assertThat(answer.stale()).isTrue();
    assertThat(answer.unavailable()).contains(Unavailable.TIMED_OUT);
  }

  @Test
  void aFailingPartner_pastFreshAndStale_leavesTheSkuOut_withTheReason() throws Exception {
    check("DE", "SHOE-PEG40-42");
    clock.advance(FRESH.plus(STALE));
    catalogue.failing = Unavailable.CIRCUIT_OPEN;

    CatalogueAnswer answer = check("DE", "SHOE-PEG40-42");

    assertThat(answer.items()).isEmpty();
    assertThat(answer.stale()).isFalse();
    assertThat(answer.unavailable()).contains(Unavailable.CIRCUIT_OPEN);
  }

  @Test
  void aPartnerHealthyAgain_givesFreshAnswers() throws Exception {
    check("DE", "SHOE-PEG40-42");
    clock.advance(FRESH);
    catalogue.failing = Unavailable.PARTNER_FAILED;
    assertThat(check("DE", "SHOE-PEG40-42").stale()).isTrue();
    catalogue.failing = null;

    CatalogueAnswer answer = check("DE", "SHOE-PEG40-42");

    assertThat(answer.stale()).isFalse();
    assertThat(answer.unavailable()).isEmpty();
    assertThat(answer.items()).containsKey("SHOE-PEG40-42");
  }

  @Test
  void anyOtherFault_ofTheCatalogue_isPartnerFailed_andNeverAFailedFuture() throws Exception {
    catalogue.fault = new IllegalStateException("boom");
    assertThat(check("DE", "SHOE-PEG40-42").unavailable()).contains(Unavailable.PARTNER_FAILED);

    catalogue.fault = null;
    catalogue.throwing = new IllegalStateException("thrown, not returned");
    assertThat(check("DE", "SHOE-PEG40-42").unavailable()).contains(Unavailable.PARTNER_FAILED);
  }

  @Test
  void answersAreKeptPerRegion() throws Exception {
    check("DE", "SHOE-PEG40-42");
    catalogue.failing = Unavailable.NO_PARTNER_FOR_REGION;

    CatalogueAnswer answer = check("FR", "SHOE-PEG40-42");

    assertThat(answer.items()).isEmpty();
    assertThat(answer.unavailable()).contains(Unavailable.NO_PARTNER_FOR_REGION);
  }

  @Test
  void skusThePartnerWasNotAskedAbout_areNeitherGivenNorKept() throws Exception {
    catalogue.extra = new Availability("GPS-WATCH-265", true, 44999, "EUR");

    CatalogueAnswer answer = check("DE", "SHOE-PEG40-42");
    catalogue.failing = Unavailable.PARTNER_FAILED;
    CatalogueAnswer later = check("DE", "GPS-WATCH-265");

    assertThat(answer.items()).containsOnlyKeys("SHOE-PEG40-42");
    assertThat(later.items()).isEmpty();
  }

  @Test
  void noSkus_isAnEmptyAnswer_withoutACall() throws Exception {
    CatalogueAnswer answer = availabilities.check("DE", Set.of()).get(5, TimeUnit.SECONDS);

    assertThat(answer).isEqualTo(new CatalogueAnswer(Map.of(), false, Optional.empty()));
    assertThat(catalogue.calls).isEmpty();
  }

  @Test
  void moreSkusThanAllowed_malformedSkusOrRegions_areRefused() {
    Set<String> eleven = IntStream.range(0, 11).mapToObj(i -> "SKU-" + i).collect(Collectors.toSet());

    assertThatThrownBy(() -> availabilities.check("DE", eleven)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> availabilities.check("DE", Set.of("x".repeat(65))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> availabilities.check("DE", Set.of(" "))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> availabilities.check("de", Set.of("SHOE-PEG40-42")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(catalogue.calls).isEmpty();
  }

  @Test
  void theCacheIsBounded_theOldestAnswersGoFirst() throws Exception {
    List<Availability> many = IntStream.range(0, 5)
        .mapToObj(i -> new Availability("SKU-" + i, true, 100 + i, "EUR")).toList();
    FakeCatalogue partner = new FakeCatalogue(Map.of("DE", many));
    Availabilities small = new Availabilities(partner, clock, FRESH, STALE, 10, 3);
    for (int i = 0; i < 5; i++) {
      small.check("DE", Set.of("SKU-" + i)).get(5, TimeUnit.SECONDS);
    }
    partner.failing = Unavailable.PARTNER_FAILED;

    CatalogueAnswer answer = small.check("DE", Set.of("SKU-0", "SKU-1", "SKU-2", "SKU-3", "SKU-4"))
        .get(5, TimeUnit.SECONDS);

    assertThat(answer.items()).containsOnlyKeys("SKU-2", "SKU-3", "SKU-4");
  }

  private CatalogueAnswer check(String region, String... skus) throws Exception {
    return availabilities.check(region, Set.of(skus)).get(5, TimeUnit.SECONDS);
  }

  /** A catalogue that records each call and answers from a fixed stock, or fails as told. */
  static final class FakeCatalogue implements Catalogue {
    final List<Set<String>> calls = new ArrayList<>();
    final Map<String, Map<String, Availability>> stock = new HashMap<>();
    volatile Unavailable failing;
    volatile RuntimeException fault;
    volatile RuntimeException throwing;
    volatile Availability extra;

    FakeCatalogue(Map<String, List<Availability>> stock) {
      stock.forEach((region, items) -> this.stock.put(region,
          items.stream().collect(Collectors.toMap(Availability::sku, a -> a))));
    }

    @Override
    public synchronized CompletableFuture<Map<String, Availability>> availability(String region, Set<String> skus) {
      calls.add(Set.copyOf(skus));
      if (throwing != null) {
        throw throwing;
      }
      if (fault != null) {
        return CompletableFuture.failedFuture(fault);
      }
      if (failing != null) {
        return CompletableFuture.failedFuture(new CatalogueFailure(failing, region));
      }
      Map<String, Availability> found = new HashMap<>();
      Map<String, Availability> regional = stock.getOrDefault(region, Map.of());
      for (String sku : new HashSet<>(skus)) {
        if (regional.containsKey(sku)) {
          found.put(sku, regional.get(sku));
        }
      }
      if (extra != null) {
        found.put(extra.sku(), extra);
      }
      return CompletableFuture.completedFuture(found);
    }
  }
}
