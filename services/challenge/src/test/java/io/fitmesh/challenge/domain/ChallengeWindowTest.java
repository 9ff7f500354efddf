package io.fitmesh.challenge.domain;

import static io.fitmesh.challenge.domain.Fixtures.november;
import static io.fitmesh.challenge.domain.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChallengeWindowTest {
  private final Challenge runsOnly = november("c", GoalKind.TOTAL_DISTANCE, Set.of(Sport.RUN));

  @Test
  void window_isWholeDaysInTheChallengesZone() {
    assertThat(runsOnly.startTime()).isEqualTo(Instant.parse("2026-10-31T23:00:00Z"));
    assertThat(runsOnly.endTime()).isEqualTo(Instant.parse("2026-11-30T23:00:00Z"));
  }

  @Test
  void workoutStartingLateOnTheLastLocalDay_counts_oneStartingAfterMidnight_doesNot() {
    assertThat(runsOnly.accepts(run("a", "w", Instant.parse("2026-11-30T22:59:00Z"), 5000, 1500))).isTrue();
    assertThat(runsOnly.accepts(run("a", "w", Instant.parse("2026-11-30T23:00:00Z"), 5000, 1500))).isFalse();
    assertThat(runsOnly.accepts(run("a", "w", Instant.parse("2026-10-31T22:59:59Z"), 5000, 1500))).isFalse();
  }

  @Test
  void otherSports_doNotCount_unlessTheChallengeTakesEverySport() {
    var ride = Fixtures.workout("a", "w", Sport.RIDE, Instant.parse("2026-11-10T10:00:00Z"), 40_000, 5400,
        List.of());
    assertThat(runsOnly.accepts(ride)).isFalse();
    assertThat(november("c", GoalKind.TOTAL_DISTANCE, Set.of()).accepts(ride)).isTrue();
  }

  @Test
  void regionalChallenge_countsWorkoutsStartingInsideTheCircleOnly() {
    Challenge ljubljana = new Challenge("c", "Ljubljana", "", GoalKind.TOTAL_DISTANCE, 0, 0, Set.of(),
        runsOnly.startDate(), runsOnly.endDate(), runsOnly.timeZone(), new Region(46.05, 14.5, 20), "",
        "creator", Fixtures.CREATED);
    var inside = run("a", "w", Instant.parse("2026-11-10T10:00:00Z"), 5000, 1500);
    var zagreb = new FinishedWorkout("w2", "a", Sport.RUN, inside.startTime(), inside.endTime(), 5000, 1500, 0,
        java.util.Map.of(), 45.81, 15.98, List.of());
    var unpositioned = new FinishedWorkout("w3", "a", Sport.RUN, inside.startTime(), inside.endTime(), 5000,
        1500, 0, java.util.Map.of(), Double.NaN, Double.NaN, List.of());
    assertThat(ljubljana.accepts(inside)).isTrue();
    assertThat(ljubljana.accepts(zagreb)).isFalse();
    assertThat(ljubljana.accepts(unpositioned)).isFalse();
  }
}
