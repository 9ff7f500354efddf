package io.fitmesh.challenge.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import io.fitmesh.challenge.domain.Challenge;
import io.fitmesh.challenge.domain.ChallengeStore;
import io.fitmesh.challenge.domain.Contribution;
import io.fitmesh.challenge.domain.Fixtures;
import io.fitmesh.challenge.domain.GoalKind;
import io.fitmesh.challenge.domain.Participant;
import io.fitmesh.challenge.domain.PlausibilityFlag;
import io.fitmesh.challenge.domain.Region;
import io.fitmesh.challenge.domain.Score;
import io.fitmesh.challenge.domain.Sport;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every challenge store must do; run against the in-memory twin and a real CQL server. */
abstract class ChallengeStoreContract {
  private static final Instant JOINED = Instant.parse("2026-11-02T10:00:00.123Z");

  abstract ChallengeStore store();

  private Challenge newChallenge(String creator) {
    return new Challenge(UUID.randomUUID().toString(), "Ride November", "Flat and fast", GoalKind.TOTAL_DISTANCE,
        500_000, 0, Set.of(Sport.RIDE, Sport.VIRTUAL_RIDE), LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30),
        Fixtures.LJUBLJANA, new Region(46.05, 14.5, 50), "", creator, Fixtures.CREATED);
  }

  @Test
  void create_storesTheChallengeWhole_andIsIdempotentPerCreatorAndRequest() {
    String creator = "creator-" + UUID.randomUUID();
    Challenge challenge = newChallenge(creator);

    assertThat(store().create(challenge, "req-1")).isEqualTo(challenge);
    assertThat(store().create(newChallenge(creator), "req-1")).isEqualTo(challenge);
    assertThat(store().challenge(challenge.challengeId())).contains(challenge);
    assertThat(store().challenge("no-such-challenge")).isEmpty();
  }

  @Test
  void notEnded_pagesBySoonestEnd() {
    List<Challenge> all = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      all.add(store().create(newChallenge("c-" + UUID.randomUUID()), UUID.randomUUID().toString()));
    }
    Instant now = Instant.parse("2026-11-10T00:00:00Z");
    List<ChallengeStore.ChallengePosition> expected = all.stream()
        .map(c -> new ChallengeStore.ChallengePosition(c.endTime(), c.challengeId())).toList();
    List<ChallengeStore.ChallengePosition> seen = new ArrayList<>();
    ChallengeStore.ChallengePosition after = null;
    List<ChallengeStore.ChallengePosition> page;
    do {
      page = store().notEnded(now, after, 2);
      seen.addAll(page);
      after = page.isEmpty() ? null : page.get(page.size() - 1);
    } while (page.size() == 2);
    assertThat(seen).containsAll(expected).doesNotHaveDuplicates();
    assertThat(store().notEnded(Instant.parse("2026-12-01T00:00:00Z"), null, 100))
        .doesNotContainAnyElementsOf(expected);
  }

  @Test
  void join_makesAParticipantAndAMembership_leaveRemovesBothWithTheContributions() {
    String challengeId = "ch-" + UUID.randomUUID();
    String athlete = "athlete-" + UUID.randomUUID();
    Participant p = Participant.joined(challengeId, athlete, JOINED);

    store().join(p, io.fitmesh.challenge.domain.Fixtures.event("challenge.joined", p.challengeId()));
    store().putContribution(challengeId, athlete, new Contribution("w1", 1000, 1000, JOINED, List.of(), false));

    assertThat(store().participant(challengeId, athlete)).contains(p);
    assertThat(store().joinedBy(athlete, null, 10)).containsExactly(challengeId);
    store().leave(challengeId, athlete, io.fitmesh.challenge.domain.Fixtures.event("challenge.left", challengeId));
    assertThat(store().participant(challengeId, athlete)).isEmpty();
    assertThat(store().joinedBy(athlete, null, 10)).isEmpty();
    assertThat(store().contributions(challengeId, athlete)).isEmpty();
  }

  @Test
  void joiningAgain_keepsTheScore() {
    String challengeId = "ch-" + UUID.randomUUID();
    Participant p = Participant.joined(challengeId, "anna", JOINED);
    store().join(p, io.fitmesh.challenge.domain.Fixtures.event("challenge.joined", p.challengeId()));
    Participant scored = p.withScore(new Score(4200, JOINED.plusSeconds(3600), 2));
    store().saveScore(scored, io.fitmesh.challenge.domain.Fixtures.event("challenge.progress", "c"));

    store().join(p, io.fitmesh.challenge.domain.Fixtures.event("challenge.joined", p.challengeId()));

    assertThat(store().participant(challengeId, "anna")).contains(scored);
  }

  @Test
  void joinedBy_pagesByChallengeId() {
    String athlete = "athlete-" + UUID.randomUUID();
    for (String id : List.of("c-b", "c-a", "c-c")) {
      store().join(Participant.joined(id, athlete, JOINED), io.fitmesh.challenge.domain.Fixtures.event("challenge.joined", id));
    }
    assertThat(store().joinedBy(athlete, null, 2)).containsExactly("c-a", "c-b");
    assertThat(store().joinedBy(athlete, "c-b", 2)).containsExactly("c-c");
  }

  @Test
  void contributions_keepValuesFlagsAndClearance_andAreReplacedByWorkout() {
    String challengeId = "ch-" + UUID.randomUUID();
    var flagged = new Contribution("w1", 42_195, 42_195, JOINED, List.of(new PlausibilityFlag("speed", "too fast"),
        new PlausibilityFlag("heart_rate", "flat at 60")), false);
    store().putContribution(challengeId, "a", flagged);
    store().putContribution(challengeId, "a", flagged.clear());
    store().putContribution(challengeId, "a", new Contribution("w2", 5000, 5000, JOINED.plusSeconds(60), List.of(), false));

    assertThat(store().contributions(challengeId, "a")).containsExactlyInAnyOrder(flagged.clear(),
        new Contribution("w2", 5000, 5000, JOINED.plusSeconds(60), List.of(), false));
    store().removeContribution(challengeId, "a", "w1");
    assertThat(store().contributions(challengeId, "a")).extracting(Contribution::workoutId).containsExactly("w2");
  }

  @Test
  void aRemovedContribution_isNotBroughtBackByALatePut() {
    String challengeId = "ch-" + UUID.randomUUID();
    store().removeContribution(challengeId, "a", "w-deleted");

    store().putContribution(challengeId, "a", new Contribution("w-deleted", 5000, 5000, JOINED, List.of(), false));

    assertThat(store().contributions(challengeId, "a")).isEmpty();
  }

  @Test
  void saveScore_isWhatForEachParticipantHandsBack() {
    String challengeId = "ch-" + UUID.randomUUID();
    List<Participant> expected = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      Participant p = Participant.joined(challengeId, "athlete-" + i, JOINED.plusSeconds(i));
      store().join(p, io.fitmesh.challenge.domain.Fixtures.event("challenge.joined", p.challengeId()));
      Participant scored = p.withScore(new Score(i * 10.5, JOINED.plusSeconds(1000 + i), i % 3));
      store().saveScore(scored, io.fitmesh.challenge.domain.Fixtures.event("challenge.progress", "c"));
      expected.add(scored);
    }
    List<Participant> seen = new ArrayList<>();
    store().forEachParticipant(challengeId, seen::add);
    assertThat(seen).containsExactlyInAnyOrderElementsOf(expected);
  }
}
