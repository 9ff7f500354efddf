package io.fitmesh.training.analytics.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import io.fitmesh.training.analytics.domain.ChallengeInfo;
import io.fitmesh.training.analytics.domain.ChallengeParticipant;
import io.fitmesh.training.analytics.domain.ChallengeStatsStore;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** What every challenge statistics store must do; run against the in-memory twin and real CQL. */
abstract class ChallengeStatsStoreContract {
  private static final Instant T0 = Instant.parse("2026-11-01T08:00:00Z");

  abstract ChallengeStatsStore store();

  private static ChallengeInfo challenge(String id) {
    return new ChallengeInfo(id, "creator", ZoneId.of("Europe/Ljubljana"), Instant.parse("2026-10-31T23:00:00Z"),
        Instant.parse("2026-11-30T23:00:00Z"));
  }

  @Test
  void eventsInAnyOrderAndRepeated_leaveTheSameParticipant() {
    String challengeId = "c-" + UUID.randomUUID();
    List<Consumer<ChallengeStatsStore>> events = new ArrayList<>(List.of(
        s -> s.joined(challenge(challengeId), "ana", T0, T0),
        s -> s.progressed(challengeId, "ana", T0.plusSeconds(3600), 5000, false, 3),
        s -> s.left(challengeId, "ana", T0.plusSeconds(7200)),
        s -> s.joined(challenge(challengeId), "ana", T0, T0.plusSeconds(10_800)),
        s -> s.progressed(challengeId, "ana", T0.plusSeconds(14_400), 12_000, true, 1)));
    List<Consumer<ChallengeStatsStore>> shuffled = new ArrayList<>(events);
    shuffled.addAll(events);
    Collections.shuffle(shuffled, new Random(42));

    shuffled.forEach(e -> e.accept(store()));

    ChallengeParticipant ana = store().byChallenge(challengeId).get(0);
    assertThat(ana.isMember()).as("the newest of join, leave, join").isTrue();
    assertThat(ana.joinTime()).isEqualTo(T0);
    assertThat(ana.distanceM()).isEqualTo(12_000);
    assertThat(ana.distanceAsOf(T0.plusSeconds(3700))).isEqualTo(5000);
    assertThat(ana.goalReached()).isTrue();
    assertThat(ana.bestRank()).isEqualTo(1);
    assertThat(store().challenge(challengeId)).hasValue(challenge(challengeId));
  }

  @Test
  void aLeaveNewerThanTheJoin_endsMembership_evenWhenItArrivesFirst() {
    String challengeId = "c-" + UUID.randomUUID();
    store().left(challengeId, "ben", T0.plusSeconds(60));
    store().joined(challenge(challengeId), "ben", T0, T0);

    assertThat(store().byChallenge(challengeId)).singleElement().satisfies(ben -> {
      assertThat(ben.isMember()).isFalse();
      assertThat(ben.leftBy(T0.plusSeconds(60))).isTrue();
    });
  }

  @Test
  void anAthletesChallenges_areFoundByAthlete_withEndAndRanks() {
    String first = "c-" + UUID.randomUUID();
    String second = "c-" + UUID.randomUUID();
    String athlete = "a-" + UUID.randomUUID();
    store().joined(challenge(first), athlete, T0, T0);
    store().joined(challenge(second), athlete, T0, T0);
    store().progressed(second, athlete, T0.plusSeconds(60), 1000, false, 7);
    store().progressed(second, athlete, T0.plusSeconds(120), 3000, false, 4);

    assertThat(store().byAthlete(athlete)).hasSize(2).allSatisfy(p -> {
      assertThat(p.isMember()).isTrue();
      assertThat(p.endTime()).isEqualTo(Instant.parse("2026-11-30T23:00:00Z"));
    });
    assertThat(store().byAthlete(athlete).stream().mapToLong(ChallengeParticipant::bestRank).max()).hasValue(4);
    assertThat(store().challenge("c-unknown")).isEmpty();
  }
}
