package io.fitmesh.reco.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fitmesh.platform.errors.DomainException;
import io.fitmesh.reco.adapters.InMemoryDismissals;
import io.fitmesh.reco.adapters.InMemoryGearStore;
import io.fitmesh.reco.adapters.InMemoryProfileStore;
import io.fitmesh.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RecommenderTest {
  private final ManualClock clock = new ManualClock(CoachTest.NOW);
  private final InMemoryProfileStore profiles = new InMemoryProfileStore();
  private final GearLocker gear = new GearLocker(new InMemoryGearStore());
  private final List<String> feedback = new ArrayList<>();
  private final AtomicReference<Offers.Answer> offerAnswer = new AtomicReference<>();
  private final AtomicReference<PromoFacts> askedFacts = new AtomicReference<>();
  private final Recommender recommender = new Recommender(
      timeZone -> CoachTest.training(40, 50, Optional.empty(), 190, CoachTest.NOW.minusSeconds(3600 * 40), 40),
      gear, profiles, new InMemoryDismissals(clock),
      (facts, excluded) -> {
        askedFacts.set(facts);
        return CompletableFuture.completedFuture(new Offers.Answer(offerAnswer.get().offers().stream()
            .filter(o -> !excluded.contains(o.campaignId())).toList(), offerAnswer.get().unavailable()));
      },
      (athlete, ids, kind) -> ids.forEach(id -> feedback.add(kind + " " + id)),
      clock, Duration.ofDays(7));

  private static final Offer SHOES = new Offer("c1", "Shoes -20%", "SHOE-1", "EUR", 12_999, 10_399, 20,
      Instant.parse("2026-12-31T00:00:00Z"), "your Pegasus has 650 km of its 700 km");

  @Test
  void withoutARegion_theScreenHasNoOffers_andSaysHowToGetThem() {
    offerAnswer.set(new Offers.Answer(List.of(SHOES), Optional.empty()));

    Screen screen = recommender.screen("alice", "").join();

    assertThat(screen.offers()).isEmpty();
    assertThat(screen.promosUnavailableReason()).hasValueSatisfying(r -> assertThat(r).contains("set your region"));
    assertThat(askedFacts.get()).isNull();
  }

  @Test
  void gearDueAndRegion_goToPromo_andItsOffersAreShown_andPublishedAsShown() {
    profiles.setRegion("alice", "DE");
    Gear shoe = gear.create("alice", new Gear("", "", "Pegasus", "", "", Sport.RUN, 0, true, 0, false), null);
    gear.onCompleted("alice", "w1", Sport.RUN, 650_000, "");
    offerAnswer.set(new Offers.Answer(List.of(SHOES), Optional.empty()));

    Screen screen = recommender.screen("alice", "").join();

    assertThat(askedFacts.get().region()).isEqualTo("DE");
    assertThat(askedFacts.get().gearDue()).extracting(Gear::gearId).containsExactly(shoe.gearId());
    assertThat(screen.gearAlerts()).extracting(Screen.GearAlert::because)
        .containsExactly("your Pegasus has 650 km of its 700 km: replace it soon");
    assertThat(screen.offers()).containsExactly(SHOES);
    assertThat(feedback).contains("SHOWN promo:c1", "SHOWN gear:" + shoe.gearId() + ":replace")
        .anyMatch(f -> f.startsWith("SHOWN today:2026-12-01:"));
  }

  @Test
  void aDismissedOffer_isNotAskedForAgain_untilItsTimeIsUp() {
    profiles.setRegion("alice", "DE");
    offerAnswer.set(new Offers.Answer(List.of(SHOES), Optional.empty()));

    recommender.dismiss("alice", "promo:c1");
    assertThat(recommender.screen("alice", "").join().offers()).isEmpty();
    assertThat(feedback).contains("DISMISSED promo:c1");

    clock.advance(Duration.ofDays(7).plusSeconds(1));
    assertThat(recommender.screen("alice", "").join().offers()).containsExactly(SHOES);
  }

  @Test
  void whenPromoCannotAnswer_theScreenStillComes_withTheReason() {
    profiles.setRegion("alice", "DE");
    offerAnswer.set(Offers.Answer.none("the shop did not answer in time"));

    Screen screen = recommender.screen("alice", "").join();

    assertThat(screen.today()).isPresent();
    assertThat(screen.offers()).isEmpty();
    assertThat(screen.promosUnavailableReason()).contains("the shop did not answer in time");
  }

  @Test
  void aRegion_mustBeAnIsoCountryCode() {
    assertThat(recommender.setRegion("alice", " gb ")).isEqualTo("GB");
    assertThatThrownBy(() -> recommender.setRegion("alice", "XX"))
        .isInstanceOfSatisfying(DomainException.class,
            e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID_ARGUMENT));
    assertThatThrownBy(() -> recommender.setRegion("alice", "Germany")).isInstanceOf(DomainException.class);
  }

  @Test
  void anotherAthletesGear_cannotBeDismissedOrAccepted() {
    Gear alices = gear.create("alice", new Gear("", "", "Pegasus", "", "", Sport.RUN, 0, true, 0, false), null);

    assertThatThrownBy(() -> recommender.accept("bob", "gear:" + alices.gearId() + ":replace"))
        .isInstanceOfSatisfying(DomainException.class,
            e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.NOT_FOUND));
    recommender.dismiss("alice", "gear:" + alices.gearId() + ":replace");
    assertThat(feedback).containsExactly("DISMISSED gear:" + alices.gearId() + ":replace");
  }

  @Test
  void hiddenRecommendations_areBounded() {
    for (int i = 0; i < Recommender.MAX_HIDDEN; i++) {
      recommender.dismiss("alice", "promo:c" + i);
    }
    recommender.dismiss("alice", "promo:c0");

    assertThatThrownBy(() -> recommender.dismiss("alice", "promo:one-more"))
        .isInstanceOfSatisfying(DomainException.class,
            e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.FAILED_PRECONDITION));
  }

  @Test
  void feedbackOnAnUnknownKindOfId_isRefused() {
    assertThatThrownBy(() -> recommender.accept("alice", "other:1")).isInstanceOf(DomainException.class);
    assertThatThrownBy(() -> recommender.accept("alice", "today:junk")).isInstanceOf(DomainException.class);
    assertThatThrownBy(() -> recommender.accept("alice", "promo:")).isInstanceOf(DomainException.class);
    assertThatThrownBy(() -> recommender.dismiss("alice", "promo:<script>")).isInstanceOf(DomainException.class);
    recommender.accept("alice", "today:2026-12-01:quality");
    assertThat(feedback).containsExactly("ACCEPTED today:2026-12-01:quality");
  }
}
