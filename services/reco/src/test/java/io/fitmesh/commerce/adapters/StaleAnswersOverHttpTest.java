package io.fitmesh.commerce.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import io.fitmesh.commerce.domain.Availabilities;
import io.fitmesh.commerce.domain.CatalogueAnswer;
import io.fitmesh.testkit.ManualClock;
import io.fitmesh.commerce.domain.Unavailable;
import io.fitmesh.commerce.partner.ReferenceCatalogue;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The availability use case over the HTTP catalogue and the real reference catalogue, failing safe. */
class StaleAnswersOverHttpTest {
  private static final Duration FRESH = Duration.ofSeconds(60);
  private static final Duration STALE = Duration.ofMinutes(10);
  /** Generous, so a healthy answer comes in time on a busy machine; the slow partner is slower still. */
  private static final Duration DEADLINE = Duration.ofSeconds(3);
  private static final Set<String> SKUS = Set.of("SHOE-PEG40-42", "HRM-STRAP-BT");

  private static final ReferenceCatalogue partner = new ReferenceCatalogue();
  private final ManualClock clock = new ManualClock(Instant.parse("2026-11-30T10:00:00Z"));
  private HttpCatalogue catalogue;
  private Availabilities availabilities;

  @BeforeAll
  static void startPartner() {
    partner.start(0);
  }

  @AfterAll
  static void stopPartner() {
    partner.close();
  }

  @BeforeEach
  void start() {
    catalogue = new HttpCatalogue(partner.partners(), DEADLINE, 64, Duration.ofSeconds(30));
    availabilities = new Availabilities(catalogue, clock, FRESH, STALE, 100);
  }

  @AfterEach
  void stop() {
    catalogue.close();
    partner.faults().reset();
  }

  @Test
  void aFailingPartner_isAnsweredFromEarlierAnswers_markedStale_untilFreshPlusStaleHavePassed() throws Exception {
    CatalogueAnswer healthy = check();
    clock.advance(FRESH.plusSeconds(1));
    partner.faults().failWith(503);

    CatalogueAnswer stale = check();
    clock.advance(STALE);
    CatalogueAnswer tooOld = check();

    assertThat(healthy.items()).containsOnlyKeys(SKUS);
    assertThat(healthy.stale()).isFalse();
    assertThat(stale.items()).isEqualTo(healthy.items());
    assertThat(stale.stale()).isTrue();
    assertThat(stale.unavailable()).contains(Unavailable.PARTNER_FAILED);
    assertThat(tooOld.items()).isEmpty();
    assertThat(tooOld.stale()).isFalse();
    assertThat(tooOld.unavailable()).contains(Unavailable.PARTNER_FAILED);
  }

  @Test
  void aSlowPartner_isAnsweredFromEarlierAnswers_withTimedOut() throws Exception {
    check();
    clock.advance(FRESH);
    partner.faults().latency(Duration.ofSeconds(10));

    CatalogueAnswer answer = check();

    assertThat(answer.items()).containsOnlyKeys(SKUS);
    assertThat(answer.stale()).isTrue();
    assertThat(answer.unavailable()).contains(Unavailable.TIMED_OUT);
  }

  @Test
  void aRegionWithoutPartner_isAnsweredEmpty_withTheReason() throws Exception {
    CatalogueAnswer answer = availabilities.check("FR", SKUS).get(30, TimeUnit.SECONDS);

    assertThat(answer.items()).isEmpty();
    assertThat(answer.unavailable()).contains(Unavailable.NO_PARTNER_FOR_REGION);
  }

  private CatalogueAnswer check() throws Exception {
    return availabilities.check("DE", SKUS).get(30, TimeUnit.SECONDS);
  }
}
