package io.fitmesh.challenge.domain;

import static io.fitmesh.challenge.domain.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fitmesh.challenge.adapters.InMemoryChallengeStore;
import io.fitmesh.challenge.adapters.InMemoryLeaderboard;
import io.fitmesh.platform.errors.DomainException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChallengeServiceTest {
  private final java.util.Set<String> clubMembers = new java.util.HashSet<>();
  private static final Instant NOW = Instant.parse("2026-11-10T12:00:00Z");
  private static final PlausibilityFlag CAR = new PlausibilityFlag("vehicle", "63 km/h for 9 minutes");

  private final InMemoryLeaderboard leaderboard = new InMemoryLeaderboard();
  private final BoardProjector projector = new BoardProjector(leaderboard);
  private final List<String> published = new ArrayList<>();
  private final List<ProgressUpdate> updates = new ArrayList<>();
  private Instant now = NOW;
  private ChallengeService service;
  private LeaderboardQueries boards;
  private Challenge november;

  @BeforeEach
  void setUp() {
    InMemoryChallengeStore store = new InMemoryChallengeStore(new io.fitmesh.platform.events.InMemoryOutboxStore());
    ChallengeCatalog catalog = new ChallengeCatalog(store);
    Clock clock = new Clock() {
      @Override
      public java.time.ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return now;
      }
    };
    ChallengeEvents events = new ChallengeEvents() {
      @Override
      public io.fitmesh.platform.domain.PendingEvent joined(Challenge c, Participant p) {
        published.add("joined " + p.athleteId());
        return Fixtures.event("challenge.joined", c.challengeId());
      }

      @Override
      public io.fitmesh.platform.domain.PendingEvent left(String challengeId, String athleteId) {
        published.add("left " + athleteId);
        return Fixtures.event("challenge.left", challengeId);
      }

      @Override
      public io.fitmesh.platform.domain.PendingEvent progressed(ProgressUpdate u) {
        Participant p = u.participant();
        published.add("progress " + p.athleteId() + " " + p.score().value());
        updates.add(u);
        projector.apply(List.of(new BoardProjector.ScoreChange(u.challenge().challengeId(), p.athleteId(),
            ScoreKey.of(u.challenge(), p.score()))));
        return Fixtures.event("challenge.progress", u.challenge().challengeId());
      }

      @Override
      public void flush() {}
    };
    service = new ChallengeService(store, catalog, leaderboard, events,
        (club, athlete) -> clubMembers.contains(club + "/" + athlete), clock);
    boards = new LeaderboardQueries(catalog, leaderboard);
    november = service.create("creator", Fixtures.november("", GoalKind.TOTAL_DISTANCE, Set.of(Sport.RUN)), "r1");
  }

  @Test
  void aClubChallenge_isCreatedAndJoinedByMembersOnly_andListedByItsClubNotAmongTheActive() {
    clubMembers.add("club-1/creator");
    clubMembers.add("club-1/member");
    Challenge draft = Fixtures.november("", GoalKind.TOTAL_DISTANCE, Set.of(Sport.RUN));
    Challenge forClub = new Challenge("", "Club November", "", draft.goalKind(), draft.goalTarget(),
        draft.effortDistanceM(), draft.sports(), draft.startDate(), draft.endDate(), draft.timeZone(), null, "club-1",
        "", Instant.EPOCH);

    assertThatThrownBy(() -> service.create("outsider", forClub, "c1")).isInstanceOf(DomainException.class)
        .extracting(e -> ((DomainException) e).kind()).isEqualTo(DomainException.Kind.PERMISSION_DENIED);
    Challenge created = service.create("creator", forClub, "c1");
    service.join("member", created.challengeId());

    assertThatThrownBy(() -> service.join("outsider", created.challengeId())).isInstanceOf(DomainException.class)
        .extracting(e -> ((DomainException) e).kind()).isEqualTo(DomainException.Kind.PERMISSION_DENIED);
    assertThat(service.listForClub("member", "club-1", 10, null).challenges()).extracting(Challenge::challengeId)
        .containsExactly(created.challengeId());
    assertThat(service.list("member", ChallengeFilter.ACTIVE, 50, null).challenges())
        .extracting(Challenge::challengeId).doesNotContain(created.challengeId());
    assertThatThrownBy(() -> service.listForClub("outsider", "club-1", 10, null))
        .hasMessage("only members see a club's challenges");
  }

  @Test
  void create_withTheSameRequestId_returnsTheFirstChallenge() {
    Challenge again = service.create("creator", Fixtures.november("", GoalKind.TOTAL_DISTANCE, Set.of()), "r1");
    assertThat(again).isEqualTo(november);
  }

  @Test
  void create_refusesAWindowThatIsOverOrTooLong() {
    Challenge over = Fixtures.november("", GoalKind.TOTAL_DISTANCE, Set.of());
    Challenge past = new Challenge("", "Old", "", GoalKind.TOTAL_DISTANCE, 0, 0, Set.of(),
        LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), over.timeZone(), null, "", "", null);
    Challenge long2 = new Challenge("", "Long", "", GoalKind.TOTAL_DISTANCE, 0, 0, Set.of(),
        LocalDate.of(2026, 11, 1), LocalDate.of(2028, 10, 31), over.timeZone(), null, "", "", null);
    assertThatThrownBy(() -> service.create("a", past, "")).hasMessageContaining("already be over");
    assertThatThrownBy(() -> service.create("a", long2, "")).hasMessageContaining("must end within 366 days");
  }

  @Test
  void join_isIdempotent_andPutsTheAthleteOnTheBoardAtOnce() {
    Progress first = service.join("anna", november.challengeId());
    Progress again = service.join("anna", november.challengeId());

    assertThat(again.participant()).isEqualTo(first.participant());
    assertThat(first.rank()).isEqualTo(1);
    assertThat(boards.size(november.challengeId())).isEqualTo(1);
    assertThat(published).containsExactly("joined anna", "joined anna");
  }

  @Test
  void join_afterTheEnd_isAFailedPrecondition_andAnUnknownChallengeIsNotFound() {
    now = Instant.parse("2026-12-01T00:00:00Z");
    assertThatThrownBy(() -> service.join("anna", november.challengeId()))
        .isInstanceOfSatisfying(DomainException.class,
            e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.FAILED_PRECONDITION));
    assertThatThrownBy(() -> service.join("anna", "no-such-challenge"))
        .isInstanceOfSatisfying(DomainException.class,
            e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.NOT_FOUND));
  }

  @Test
  void progress_announcesGoalReached_thePlaceOnTheBoard_andTheCountedDistance() {
    Challenge goal = service.create("creator", withGoal(Fixtures.november("", GoalKind.TOTAL_DISTANCE,
        Set.of(Sport.RUN)), 15_000), "r-goal");
    service.join("anna", goal.challengeId());
    service.join("ben", goal.challengeId());
    service.onWorkoutCompleted(run("ben", "b1", Instant.parse("2026-11-09T07:00:00Z"), 12_000, 3600));

    service.onWorkoutCompleted(run("anna", "a1", Instant.parse("2026-11-10T07:00:00Z"), 10_000, 3000));
    ProgressUpdate second = updates.get(updates.size() - 1);
    service.onWorkoutCompleted(run("anna", "a2", Instant.parse("2026-11-11T07:00:00Z"), 6_000, 1800));
    ProgressUpdate first = updates.get(updates.size() - 1);

    assertThat(second.rank()).as("10 km behind ben's 12 km").isEqualTo(2);
    assertThat(second.goalReached()).isFalse();
    assertThat(second.countedDistanceM()).isEqualTo(10_000);
    assertThat(first.rank()).as("16 km ahead of ben").isEqualTo(1);
    assertThat(first.goalReached()).as("16 km of a 15 km goal").isTrue();
    assertThat(first.countedDistanceM()).isEqualTo(16_000);
  }

  private static Challenge withGoal(Challenge c, double target) {
    return new Challenge(c.challengeId(), c.title(), c.description(), c.goalKind(), target, c.effortDistanceM(),
        c.sports(), c.startDate(), c.endDate(), c.timeZone(), c.region(), c.groupId(), c.creatorId(), c.createTime());
  }

  @Test
  void aWorkoutCompletedAfterItsDeletion_neverCounts() {
    service.join("anna", november.challengeId());
    var w = run("anna", "w1", Instant.parse("2026-11-10T07:00:00Z"), 10_000, 3000);

    service.onWorkoutDeleted("anna", "w1");
    service.onWorkoutCompleted(w);

    assertThat(service.progress("anna", november.challengeId()).participant().score().value()).isZero();
    assertThat(service.progress("anna", november.challengeId()).workouts()).isEmpty();
  }

  @Test
  void aWorkout_countsOnce_howeverOftenItArrives_andDeletingItTakesItBackOut() {
    service.join("anna", november.challengeId());
    var w = run("anna", "w1", Instant.parse("2026-11-10T07:00:00Z"), 10_000, 3000);

    service.onWorkoutCompleted(w);
    service.onWorkoutCompleted(w);

    assertThat(service.progress("anna", november.challengeId()).participant().score().value()).isEqualTo(10_000);
    service.onWorkoutDeleted("anna", "w1");
    assertThat(service.progress("anna", november.challengeId()).participant().score().value()).isZero();
    assertThat(boards.rank(november.challengeId(), "anna", 0).me().score().value()).isZero();
  }

  @Test
  void workoutsOutsideTheWindowOrSport_orOfNonParticipants_doNotCount() {
    service.join("anna", november.challengeId());
    service.onWorkoutCompleted(run("anna", "early", Instant.parse("2026-10-30T07:00:00Z"), 10_000, 3000));
    service.onWorkoutCompleted(Fixtures.workout("anna", "ride", Sport.RIDE, Instant.parse("2026-11-10T07:00:00Z"),
        40_000, 5000, List.of()));
    service.onWorkoutCompleted(run("bob", "w", Instant.parse("2026-11-10T07:00:00Z"), 10_000, 3000));

    assertThat(service.progress("anna", november.challengeId()).workouts()).isEmpty();
    assertThatThrownBy(() -> service.progress("bob", november.challengeId()))
        .hasMessageContaining("has not joined");
  }

  @Test
  void flaggedWorkout_isShownWithItsReasons_butCountsOnlyOnceTheCreatorClearsIt() {
    service.join("anna", november.challengeId());
    service.onWorkoutCompleted(Fixtures.workout("anna", "car", Sport.RUN, Instant.parse("2026-11-10T07:00:00Z"),
        30_000, 1800, List.of(CAR)));

    Progress flagged = service.progress("anna", november.challengeId());
    assertThat(flagged.participant().score().value()).isZero();
    assertThat(flagged.workouts()).singleElement().satisfies(c -> {
      assertThat(c.counted()).isFalse();
      assertThat(c.flags()).containsExactly(CAR);
    });
    assertThatThrownBy(() -> service.clearFlagged("anna", november.challengeId(), "anna", "car"))
        .isInstanceOfSatisfying(DomainException.class,
            e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.PERMISSION_DENIED));

    ClearedWorkout cleared = service.clearFlagged("creator", november.challengeId(), "anna", "car");
    assertThat(cleared.score()).isEqualTo(30_000);
    assertThat(cleared.rank()).isEqualTo(1);
    service.onWorkoutCompleted(Fixtures.workout("anna", "car", Sport.RUN, Instant.parse("2026-11-10T07:00:00Z"),
        30_000, 1800, List.of(CAR)));
    assertThat(service.progress("anna", november.challengeId()).participant().score().value())
        .as("a replay keeps the clearance").isEqualTo(30_000);
  }

  @Test
  void aCreatorMayNotClearTheirOwnFlaggedWorkout() {
    service.join("creator", november.challengeId());
    service.onWorkoutCompleted(Fixtures.workout("creator", "car", Sport.RUN, Instant.parse("2026-11-10T07:00:00Z"),
        30_000, 1800, List.of(CAR)));

    assertThatThrownBy(() -> service.clearFlagged("creator", november.challengeId(), "creator", "car"))
        .isInstanceOfSatisfying(DomainException.class,
            e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.PERMISSION_DENIED))
        .hasMessageContaining("own");
    assertThat(service.progress("creator", november.challengeId()).participant().score().value()).isZero();
  }

  @Test
  void board_ranksByScore_thenByWhoReachedItFirst() {
    for (String a : List.of("anna", "bob", "cene")) {
      service.join(a, november.challengeId());
    }
    service.onWorkoutCompleted(run("bob", "b1", Instant.parse("2026-11-03T07:00:00Z"), 10_000, 3000));
    service.onWorkoutCompleted(run("cene", "c1", Instant.parse("2026-11-04T07:00:00Z"), 10_000, 3000));
    service.onWorkoutCompleted(run("anna", "a1", Instant.parse("2026-11-05T07:00:00Z"), 12_000, 3600));

    assertThat(boards.page(november.challengeId(), 0, 10)).extracting(RankedEntry::athleteId)
        .containsExactly("anna", "bob", "cene");
    var bob = boards.rank(november.challengeId(), "bob", 1);
    assertThat(bob.me().rank()).isEqualTo(2);
    assertThat(bob.above()).extracting(RankedEntry::athleteId).containsExactly("anna");
    assertThat(bob.below()).extracting(RankedEntry::athleteId).containsExactly("cene");
  }

  @Test
  void leave_dropsTheAthletesPlaceAndProgress_andALateScoreDoesNotBringThemBack() {
    service.join("anna", november.challengeId());
    service.onWorkoutCompleted(run("anna", "a1", Instant.parse("2026-11-05T07:00:00Z"), 12_000, 3600));
    service.leave("anna", november.challengeId());
    service.leave("anna", november.challengeId());

    projector.apply(List.of(new BoardProjector.ScoreChange(november.challengeId(), "anna", 1e12)));

    assertThat(boards.size(november.challengeId())).isZero();
    assertThat(service.join("anna", november.challengeId()).participant().score().value()).isZero();
  }

  @Test
  void list_pagesActiveUpcomingAndJoinedChallenges() {
    Challenge december = service.create("creator", new Challenge("", "December", "", GoalKind.WORKOUT_COUNT, 0,
        0, Set.of(), LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31), Fixtures.LJUBLJANA, null, "", "",
        null), "r2");
    Challenge third = service.create("creator", Fixtures.november("", GoalKind.WORKOUT_COUNT, Set.of()), "r3");
    service.join("anna", december.challengeId());

    ChallengePage first = service.list("anna", ChallengeFilter.ACTIVE, 1, null);
    ChallengePage second = service.list("anna", ChallengeFilter.ACTIVE, 1, first.next());
    assertThat(List.of(first.challenges().get(0), second.challenges().get(0)))
        .containsExactlyInAnyOrder(november, third);
    assertThat(service.list("anna", ChallengeFilter.ACTIVE, 1, second.next()).challenges()).isEmpty();
    assertThat(service.list("anna", ChallengeFilter.UPCOMING, 10, null).challenges()).containsExactly(december);
    assertThat(service.list("anna", ChallengeFilter.JOINED, 10, null).challenges()).containsExactly(december);
  }
}
