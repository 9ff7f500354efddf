package io.fitmesh.reco.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fitmesh.platform.errors.DomainException;
import io.fitmesh.reco.adapters.InMemoryGearStore;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GearLockerTest {
  private final GearLocker locker = new GearLocker(new InMemoryGearStore());

  private static Gear draft(String name, Sport sport, boolean isDefault) {
    return new Gear("", "", name, "Nike", "Pegasus 40", sport, 0, isDefault, 0, false);
  }

  @Test
  void shoes_retireAt700kmByDefault_andOneDefaultPerSport() {
    Gear first = locker.create("alice", draft("Pegasus", Sport.RUN, true), "r1");
    Gear second = locker.create("alice", draft("Vaporfly", Sport.RUN, true), "r2");

    assertThat(first.retireDistanceM()).isEqualTo(700_000);
    assertThat(locker.list("alice")).filteredOn(Gear::defaultForSport).extracting(Gear::gearId)
        .containsExactly(second.gearId());
  }

  @Test
  void finishedWorkouts_countOnTheDefaultGearOfTheirSport_andDeletedOnesComeOff() {
    Gear shoe = locker.create("alice", draft("Pegasus", Sport.RUN, true), "r1");
    locker.create("alice", draft("Canyon", Sport.RIDE, true), "r2");

    locker.onCompleted("alice", "w1", Sport.RUN, 640_000, "");
    locker.onCompleted("alice", "w1", Sport.RUN, 640_000, "");
    assertThat(locker.due("alice")).extracting(Gear::gearId).containsExactly(shoe.gearId());

    locker.onDeleted("alice", "w1");
    assertThat(locker.due("alice")).isEmpty();
    assertThat(locker.list("alice")).allMatch(g -> g.distanceM() == 0);
  }

  @Test
  void anotherAthletesGear_isNotFound() {
    Gear shoe = locker.create("alice", draft("Pegasus", Sport.RUN, true), "r1");

    assertThatThrownBy(() -> locker.update("mallory", new Gear(shoe.gearId(), "mallory", "Mine", "", "", Sport.RUN, 0,
        false, 0, false), Set.of()))
        .isInstanceOfSatisfying(DomainException.class,
            e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.NOT_FOUND));
  }

  @Test
  void gearWithoutANameOrWithANegativeRetireDistance_isRefused() {
    assertThatThrownBy(() -> locker.create("alice", draft(" ", Sport.RUN, false), null))
        .isInstanceOfSatisfying(DomainException.class,
            e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID_ARGUMENT));
    assertThatThrownBy(() -> locker.create("alice", new Gear("", "", "x", "", "", Sport.RUN, -1, false, 0, false),
        null)).isInstanceOf(DomainException.class);
    assertThatThrownBy(() -> locker.create("alice", draft("x", null, false), null))
        .isInstanceOf(DomainException.class);
    assertThatThrownBy(() -> locker.create("alice", new Gear("", "", "x", "", "", Sport.RUN, 1000, false, 0, false),
        null)).as("a retire distance a single run reaches").isInstanceOf(DomainException.class);
    assertThatThrownBy(() -> locker.create("alice", draft("\u200b", Sport.RUN, false), null))
        .as("a name that shows nothing").isInstanceOf(DomainException.class);
    assertThatThrownBy(() -> locker.create("alice", draft("\u202egnp.exe", Sport.RUN, false), null))
        .as("a name that reads backwards").isInstanceOf(DomainException.class);
    assertThat(locker.create("alice", draft("\uD83D\uDC5F".repeat(80), Sport.RUN, false), null).name())
        .as("80 emoji are 80 characters").hasSize(160);
  }

  @Test
  void changingGear_changesOnlyWhatIsSent_orWhatTheMaskNames() {
    Gear shoe = locker.create("alice", new Gear("", "", "Nimbus", "Asics", "Gel", Sport.RUN, 500_000, true, 0, false),
        null);

    Gear renamed = locker.update("alice", new Gear(shoe.gearId(), "", "Old Nimbus", "", "", null, 0, false, 0, false),
        Set.of());
    assertThat(renamed).isEqualTo(new Gear(shoe.gearId(), "alice", "Old Nimbus", "Asics", "Gel", Sport.RUN, 500_000,
        true, 0, false));

    Gear notDefault = locker.update("alice", new Gear(shoe.gearId(), "", "", "", "", null, 0, false, 0, false),
        Set.of("default_for_sport"));
    assertThat(notDefault.defaultForSport()).isFalse();
    assertThat(notDefault.name()).isEqualTo("Old Nimbus");

    assertThatThrownBy(() -> locker.update("alice", shoe, Set.of("sport")))
        .isInstanceOfSatisfying(DomainException.class,
            e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID_ARGUMENT));
  }

  @Test
  void aWorkout_countsOnTheGearNamedAtItsStart_notOnTheDefault() {
    Gear daily = locker.create("alice", draft("Pegasus", Sport.RUN, true), "r1");
    Gear racer = locker.create("alice", draft("Vaporfly", Sport.RUN, false), "r2");
    Gear bobs = locker.create("bob", draft("Bob's", Sport.RUN, false), "r3");

    locker.onCompleted("alice", "race", Sport.RUN, 42_195, racer.gearId());
    locker.onCompleted("alice", "not-bobs", Sport.RUN, 10_000, bobs.gearId());

    assertThat(locker.list("alice")).filteredOn(g -> g.gearId().equals(racer.gearId())).singleElement()
        .extracting(Gear::distanceM).isEqualTo(42_195.0);
    assertThat(locker.list("alice")).filteredOn(g -> g.gearId().equals(daily.gearId())).singleElement()
        .extracting(Gear::distanceM).isEqualTo(10_000.0);
  }
}
