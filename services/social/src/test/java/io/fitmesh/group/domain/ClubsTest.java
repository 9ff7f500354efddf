package io.fitmesh.group.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fitmesh.group.adapters.InMemoryClubActivityStore;
import io.fitmesh.group.adapters.InMemoryClubStore;
import io.fitmesh.platform.domain.PendingEvent;
import io.fitmesh.platform.errors.DomainException;
import io.fitmesh.platform.events.EnvelopeEvent;
import io.fitmesh.platform.events.InMemoryOutboxStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Clubs on the in-memory twins: membership, requests, roles, the club feed and the week's stats. */
class ClubsTest {
  /** A Wednesday. */
  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

  private final InMemoryClubStore store = new InMemoryClubStore(new InMemoryOutboxStore());
  private final InMemoryClubActivityStore activity = new InMemoryClubActivityStore();
  private final List<String> events = new ArrayList<>();
  private final Clubs clubs = new Clubs(store, activity, new GroupEvents() {
    @Override
    public PendingEvent joinRequested(Club club, String athleteId, List<String> approverIds) {
      events.add("requested " + athleteId + " -> " + approverIds);
      return event();
    }

    @Override
    public PendingEvent joined(Club club, String athleteId, String approvedBy) {
      events.add("joined " + athleteId + " by " + approvedBy);
      return event();
    }

    @Override
    public PendingEvent left(Club club, String athleteId) {
      events.add("left " + athleteId);
      return event();
    }

    @Override
    public void flush() {}
  }, Clock.fixed(NOW, ZoneOffset.UTC));
  private final ClubActivity clubActivity = new ClubActivity(store, activity);

  private static PendingEvent event() {
    return new EnvelopeEvent(io.fitmesh.events.v1.EventEnvelope.newBuilder().setEventId("e").setKey("k").build());
  }

  private Club club(String owner, boolean privateClub) {
    return clubs.create(owner, new Club("", "Ljubljana Runners", "", "RUN", privateClub, "", ZoneId.of("Europe/Ljubljana"),
        Instant.EPOCH), null);
  }

  @Test
  void aPublicClub_isJoinedAtOnce_aPrivateOneByApproval_andTheOwnerCannotLeave() {
    Club open = club("owner", false);
    Club closed = club("owner", true);

    assertThat(clubs.join("ana", open.clubId()).isMember()).isTrue();
    assertThat(clubs.join("ana", closed.clubId()).requested()).isTrue();
    assertThat(clubs.join("ana", closed.clubId()).requested()).as("idempotent").isTrue();
    assertThat(kind(() -> clubs.feed("ana", closed.clubId(), null, 10))).isEqualTo(DomainException.Kind.PERMISSION_DENIED);
    assertThat(kind(() -> clubs.respond("ana", closed.clubId(), "ana", true)))
        .isEqualTo(DomainException.Kind.PERMISSION_DENIED);
    assertThat(clubs.requests("owner", closed.clubId(), null, 10).items()).extracting(Membership::athleteId)
        .containsExactly("ana");
    assertThat(clubs.respond("owner", closed.clubId(), "ana", true)).map(Membership::isMember).contains(true);
    assertThat(clubs.get("x", closed.clubId()).memberCount()).isEqualTo(2);
    assertThat(events).containsExactly("joined ana by ", "requested ana -> [owner]", "joined ana by owner");
    assertThat(kind(() -> clubs.leave("owner", open.clubId()))).isEqualTo(DomainException.Kind.FAILED_PRECONDITION);
    clubs.leave("ana", open.clubId());
    assertThat(clubs.get("x", open.clubId()).memberCount()).isEqualTo(1);
    assertThat(kind(() -> clubs.get("x", "no-such-club"))).isEqualTo(DomainException.Kind.NOT_FOUND);
  }

  @Test
  void onlyTheOwnerNamesAdmins_andAdminsApprove() {
    Club closed = club("owner", true);
    clubs.join("ana", closed.clubId());
    clubs.respond("owner", closed.clubId(), "ana", true);
    clubs.join("bob", closed.clubId());

    assertThat(kind(() -> clubs.setRole("ana", closed.clubId(), "ana", ClubRole.ADMIN)))
        .isEqualTo(DomainException.Kind.PERMISSION_DENIED);
    clubs.setRole("owner", closed.clubId(), "ana", ClubRole.ADMIN);
    assertThat(clubs.respond("ana", closed.clubId(), "bob", false)).isEmpty();
    assertThat(clubs.membership(closed.clubId(), "bob")).isEmpty();
  }

  @Test
  void membersWorkouts_fillTheFeedNewestFirst_andTheWeekInTheClubsZone_withoutOnlyMe() {
    Club runners = club("owner", false);
    clubs.join("ana", runners.clubId());
    clubs.join("bob", runners.clubId());
    clubActivity.onFinished(new ClubWorkout("w1", "ana", Instant.parse("2026-11-24T07:00:00Z"), 10_000, 3000, 50, true));
    clubActivity.onFinished(new ClubWorkout("w2", "bob", Instant.parse("2026-11-25T07:00:00Z"), 5_000, 1500, 20, true));
    clubActivity.onFinished(new ClubWorkout("w3", "bob", Instant.parse("2026-11-25T08:00:00Z"), 7_000, 2000, 0, false));
    clubActivity.onFinished(new ClubWorkout("w4", "ana", Instant.parse("2026-11-22T23:30:00Z"), 3_000, 900, 0, true));
    clubActivity.onFinished(new ClubWorkout("w5", "stranger", NOW, 99_000, 9000, 0, true));

    assertThat(clubs.feed("bob", runners.clubId(), null, 10).items()).containsExactly("w3", "w2", "w1", "w4");
    List<ClubWeek> weeks = clubs.stats("bob", runners.clubId(), 10);
    assertThat(weeks.get(0).weekStart()).isEqualTo(LocalDate.of(2026, 11, 23));
    assertThat(weeks.get(0).distanceM()).as("Sunday 23:30 UTC is Monday in Ljubljana; ONLY_ME left out")
        .isEqualTo(18_000);
    assertThat(weeks.get(0).workouts()).isEqualTo(3);
    assertThat(weeks.get(0).leaders()).extracting(ClubWeek.Leader::athleteId).containsExactly("ana", "bob");
    assertThat(weeks.get(1).distanceM()).isZero();

    clubActivity.onDeleted("w1");
    clubActivity.onFinished(new ClubWorkout("w1", "ana", Instant.parse("2026-11-24T07:00:00Z"), 10_000, 3000, 50, true));
    assertThat(clubs.feed("bob", runners.clubId(), null, 10).items()).containsExactly("w3", "w2", "w4");
  }

  @Test
  void aBadClubOrPageToken_isInvalidArgument() {
    Club runners = club("owner", false);
    assertThat(kind(() -> clubs.feed("owner", runners.clubId(), "nonsense", 10)))
        .isEqualTo(DomainException.Kind.INVALID_ARGUMENT);
    assertThat(kind(() -> clubs.create("owner", new Club("", " ", "", "", false, "", ZoneId.of("UTC"), Instant.EPOCH),
        null))).isEqualTo(DomainException.Kind.INVALID_ARGUMENT);
    assertThatThrownBy(() -> clubs.get("x", "")).hasMessageContaining("club_id");
  }

  private static DomainException.Kind kind(Runnable call) {
    try {
      call.run();
    } catch (DomainException e) {
      return e.kind();
    }
    throw new AssertionError("no error");
  }
}
