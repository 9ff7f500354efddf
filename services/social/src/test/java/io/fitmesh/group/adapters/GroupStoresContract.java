package io.fitmesh.group.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import io.fitmesh.events.v1.EventEnvelope;
import io.fitmesh.group.domain.Club;
import io.fitmesh.group.domain.ClubActivityStore;
import io.fitmesh.group.domain.ClubActivityStore.ClubWeekKey;
import io.fitmesh.group.domain.ClubRole;
import io.fitmesh.group.domain.ClubStore;
import io.fitmesh.group.domain.ClubWorkout;
import io.fitmesh.group.domain.Membership;
import io.fitmesh.group.domain.Page;
import io.fitmesh.platform.events.EnvelopeEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the group stores must do; run against the in-memory twins and real CQL. */
abstract class GroupStoresContract {
  private static final Instant T0 = Instant.parse("2026-11-24T07:00:00Z");

  abstract ClubStore clubs();

  abstract ClubActivityStore activity();

  private static Club club(String owner, boolean privateClub, Instant created) {
    return new Club(UUID.randomUUID().toString(), "Club", "", "RUN", privateClub, owner, ZoneId.of("Europe/Ljubljana"),
        created);
  }

  private static EnvelopeEvent event() {
    return new EnvelopeEvent(EventEnvelope.newBuilder().setEventId(UUID.randomUUID().toString()).setKey("k").build());
  }

  @Test
  void aClub_isCreatedOncePerRequestId_withItsOwnerAsFirstMember() {
    String owner = "owner-" + UUID.randomUUID();
    Club first = clubs().create(club(owner, false, T0), "req-1");
    Club again = clubs().create(club(owner, false, T0), "req-1");

    assertThat(again).isEqualTo(first);
    assertThat(clubs().get(first.clubId())).contains(first);
    assertThat(clubs().memberCount(first.clubId())).isEqualTo(1);
    assertThat(clubs().membership(first.clubId(), owner)).map(Membership::role).contains(ClubRole.OWNER);
    assertThat(clubs().clubsOf(owner, null, 10).items()).containsExactly(first);
  }

  @Test
  void membersAndRequests_arePagedApart_andCounted() {
    Club c = clubs().create(club("owner-" + UUID.randomUUID(), true, T0), null);
    for (int i = 0; i < 5; i++) {
      clubs().put(new Membership(c.clubId(), "m" + i, ClubRole.MEMBER, false, T0), event());
    }
    clubs().put(new Membership(c.clubId(), "r1", ClubRole.MEMBER, true, T0), event());
    clubs().put(new Membership(c.clubId(), "m0", ClubRole.ADMIN, false, T0), null);

    Page<Membership> first = clubs().members(c.clubId(), null, 3);
    Page<Membership> rest = clubs().members(c.clubId(), first.next(), 10);
    List<String> all = new ArrayList<>();
    first.items().forEach(m -> all.add(m.athleteId()));
    rest.items().forEach(m -> all.add(m.athleteId()));
    assertThat(all).hasSize(6).doesNotContain("r1");
    assertThat(clubs().requests(c.clubId(), null, 10).items()).extracting(Membership::athleteId).containsExactly("r1");
    assertThat(clubs().memberCount(c.clubId())).isEqualTo(6);
    assertThat(clubs().approvers(c.clubId())).containsExactlyInAnyOrder(c.ownerId(), "m0");
    assertThat(clubs().clubsOf("r1", null, 10).items()).isEmpty();

    clubs().remove(c.clubId(), "m1", event());
    clubs().remove(c.clubId(), "m1", null);
    assertThat(clubs().memberCount(c.clubId())).isEqualTo(5);
    assertThat(clubs().membership(c.clubId(), "m1")).isEmpty();
  }

  @Test
  void publicClubs_areListedNewestFirst_privateOnesNot() {
    Club older = clubs().create(club("o1", false, T0.plusSeconds(1_000_000)), null);
    Club newer = clubs().create(club("o2", false, T0.plusSeconds(2_000_000)), null);
    Club hidden = clubs().create(club("o3", true, T0.plusSeconds(3_000_000)), null);

    Page<Club> first = clubs().publicClubs(null, 1);
    assertThat(first.items()).containsExactly(newer);
    assertThat(clubs().publicClubs(first.next(), 1).items()).containsExactly(older);
    assertThat(clubs().publicClubs(null, 100).items()).doesNotContain(hidden);
  }

  @Test
  void clubWorkouts_pageNewestFirst_fillTheirWeek_andADeleteIsForGood() {
    String clubId = "club-" + UUID.randomUUID();
    LocalDate monday = LocalDate.of(2026, 11, 23);
    List<ClubWeekKey> keys = List.of(new ClubWeekKey(clubId, monday));
    for (int i = 0; i < 5; i++) {
      activity().record(new ClubWorkout("w" + i, "a" + (i % 2), T0.plusSeconds(60L * i), 1000 * i, 100, 1, i != 4),
          keys);
    }
    activity().record(new ClubWorkout("w0", "a0", T0, 0, 100, 1, true), keys);

    Page<String> first = activity().feed(clubId, null, 2);
    assertThat(first.items()).containsExactly("w4", "w3");
    assertThat(activity().feed(clubId, first.next(), 10).items()).containsExactly("w2", "w1", "w0");
    assertThat(activity().week(clubId, monday)).hasSize(5).filteredOn(w -> !w.counted()).hasSize(1);

    activity().delete("w3");
    activity().record(new ClubWorkout("w3", "a1", T0.plusSeconds(180), 3000, 100, 1, true), keys);
    assertThat(activity().feed(clubId, null, 10).items()).containsExactly("w4", "w2", "w1", "w0");
    assertThat(activity().week(clubId, monday)).extracting(ClubWorkout::workoutId).doesNotContain("w3");
  }
}
