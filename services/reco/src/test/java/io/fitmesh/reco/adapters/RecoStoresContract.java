package io.fitmesh.reco.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import io.fitmesh.reco.domain.Dismissals;
import io.fitmesh.reco.domain.Gear;
import io.fitmesh.reco.domain.GearStore;
import io.fitmesh.reco.domain.ProfileStore;
import io.fitmesh.reco.domain.Sport;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the recommendation stores must do; run against the in-memory twins and real CQL. */
abstract class RecoStoresContract {

  abstract GearStore gear();

  abstract ProfileStore profiles();

  abstract Dismissals dismissals();

  private static Gear shoe(String athleteId) {
    return new Gear(UUID.randomUUID().toString(), athleteId, "Pegasus 40", "Nike", "Pegasus", Sport.RUN, 700_000, true,
        0, false);
  }

  @Test
  void gear_isCreatedOncePerRequestId() {
    String athlete = "a-" + UUID.randomUUID();
    Gear first = gear().create(shoe(athlete), "req-1");
    Gear again = gear().create(shoe(athlete), "req-1");

    assertThat(again.gearId()).isEqualTo(first.gearId());
    assertThat(gear().list(athlete)).extracting(Gear::gearId).containsExactly(first.gearId());
    assertThat(gear().get(athlete, first.gearId())).contains(first);
    assertThat(gear().get("someone-else", first.gearId())).isEmpty();
  }

  @Test
  void aWorkout_countsOnceOnItsGear_andComesOffWhenDeleted() {
    String athlete = "a-" + UUID.randomUUID();
    Gear shoe = gear().create(shoe(athlete), "r");
    String w1 = "w-" + UUID.randomUUID();
    String w2 = "w-" + UUID.randomUUID();

    gear().count(athlete, w1, shoe.gearId(), 10_000);
    gear().count(athlete, w1, shoe.gearId(), 10_000);
    gear().count(athlete, w2, shoe.gearId(), 5_000);
    assertThat(gear().get(athlete, shoe.gearId()).orElseThrow().distanceM()).isEqualTo(15_000);

    gear().uncount(athlete, w1);
    gear().uncount(athlete, w1);
    assertThat(gear().get(athlete, shoe.gearId()).orElseThrow().distanceM()).isEqualTo(5_000);
  }

  @Test
  void changingGear_keepsTheDistanceCountedOnIt() {
    String athlete = "a-" + UUID.randomUUID();
    Gear shoe = gear().create(shoe(athlete), "r");
    gear().count(athlete, "w-" + UUID.randomUUID(), shoe.gearId(), 42_000);

    gear().update(new Gear(shoe.gearId(), athlete, "Old faithful", "Nike", "Pegasus", Sport.RUN, 800_000, false, 0,
        true));

    Gear stored = gear().get(athlete, shoe.gearId()).orElseThrow();
    assertThat(stored.name()).isEqualTo("Old faithful");
    assertThat(stored.retired()).isTrue();
    assertThat(stored.distanceM()).isEqualTo(42_000);
  }

  @Test
  void anotherAthlete_cannotUncountSomeoneElsesWorkout() {
    String athlete = "a-" + UUID.randomUUID();
    Gear shoe = gear().create(shoe(athlete), "r");
    String workout = "w-" + UUID.randomUUID();
    gear().count(athlete, workout, shoe.gearId(), 8_000);

    gear().uncount("mallory", workout);

    assertThat(gear().get(athlete, shoe.gearId()).orElseThrow().distanceM()).isEqualTo(8_000);
  }

  @Test
  void aRegion_isKeptPerAthlete() {
    String athlete = "a-" + UUID.randomUUID();
    assertThat(profiles().region(athlete)).isEmpty();

    profiles().setRegion(athlete, "DE");
    profiles().setRegion(athlete, "GB");

    assertThat(profiles().region(athlete)).contains("GB");
  }

  @Test
  void aDismissal_hidesItsRecommendation_forItsAthleteOnly() {
    String athlete = "a-" + UUID.randomUUID();
    dismissals().dismiss(athlete, "gear:g1:replace", Duration.ofDays(7));
    dismissals().dismiss(athlete, "gear:g1:replace", Duration.ofDays(7));

    assertThat(dismissals().hidden(athlete)).containsExactly("gear:g1:replace");
    assertThat(dismissals().hidden("a-" + UUID.randomUUID())).isEmpty();
  }
}
