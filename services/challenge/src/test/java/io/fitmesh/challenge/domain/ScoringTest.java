package io.fitmesh.challenge.domain;

import static io.fitmesh.challenge.domain.Fixtures.november;
import static io.fitmesh.challenge.domain.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScoringTest {
  private static final Instant JOINED = Instant.parse("2026-11-01T06:00:00Z");
  private static final Instant T1 = Instant.parse("2026-11-03T07:00:00Z");
  private static final Instant T2 = Instant.parse("2026-11-05T07:00:00Z");
  private static final PlausibilityFlag SPEED = new PlausibilityFlag("speed", "held 40 km/h for 10 minutes");

  @Test
  void eachGoalKind_takesItsFigureFromTheSummary() {
    var w = run("a", "w1", T1, 10_000, 3000);
    assertThat(Scoring.valueOf(november("c", GoalKind.TOTAL_DISTANCE, Set.of()), w)).hasValue(10_000);
    assertThat(Scoring.valueOf(november("c", GoalKind.TOTAL_MOVING_TIME, Set.of()), w)).hasValue(3000);
    assertThat(Scoring.valueOf(november("c", GoalKind.TOTAL_ELEVATION_GAIN, Set.of()), w)).hasValue(100);
    assertThat(Scoring.valueOf(november("c", GoalKind.WORKOUT_COUNT, Set.of()), w)).hasValue(1);
    assertThat(Scoring.valueOf(november("c", GoalKind.FASTEST_EFFORT, Set.of()), w)).hasValue(1500);
  }

  @Test
  void fastestEffort_ofAWorkoutTooShortForTheDistance_isNotAValue() {
    assertThat(Scoring.valueOf(november("c", GoalKind.FASTEST_EFFORT, Set.of()), run("a", "w", T1, 3000, 900)))
        .isEmpty();
  }

  @Test
  void sums_countOnlyUnflaggedOrClearedWorkouts_reachedAtTheLastCountedEnd() {
    var counted = new Contribution("w1", 5000, 5000, T1, List.of(), false);
    var flagged = new Contribution("w2", 42_000, 42_000, T2, List.of(SPEED), false);

    Score score = Scoring.score(GoalKind.TOTAL_DISTANCE, List.of(counted, flagged), JOINED);
    assertThat(score).isEqualTo(new Score(5000, T1, 1));

    Score cleared = Scoring.score(GoalKind.TOTAL_DISTANCE, List.of(counted, flagged.clear()), JOINED);
    assertThat(cleared).isEqualTo(new Score(47_000, T2, 2));
  }

  @Test
  void fastestEffort_isTheLowestTime_reachedWhenThatWorkoutEnded_earlierOfEqualTimes() {
    var slow = new Contribution("w1", 1500, 1500, T1, List.of(), false);
    var fastLater = new Contribution("w3", 1400, 1400, T2.plusSeconds(60), List.of(), false);
    var fastEarlier = new Contribution("w2", 1400, 1400, T2, List.of(), false);

    Score score = Scoring.score(GoalKind.FASTEST_EFFORT, List.of(slow, fastLater, fastEarlier), JOINED);

    assertThat(score).isEqualTo(new Score(1400, T2, 3));
  }

  @Test
  void nothingCounted_isZeroAtTheJoinTime() {
    var flagged = new Contribution("w2", 42_000, 42_000, T2, List.of(SPEED), false);
    assertThat(Scoring.score(GoalKind.TOTAL_DISTANCE, List.of(flagged), JOINED)).isEqualTo(Score.none(JOINED));
  }

  @Test
  void goalReached_onlyForChallengesWithAGoal() {
    Challenge distance = november("c", GoalKind.TOTAL_DISTANCE, Set.of());
    assertThat(Scoring.goalReached(distance, new Score(99_999, T1, 3))).isFalse();
    assertThat(Scoring.goalReached(distance, new Score(100_000, T1, 3))).isTrue();
    assertThat(Scoring.goalReached(november("c", GoalKind.WORKOUT_COUNT, Set.of()), new Score(50, T1, 50)))
        .isFalse();
  }
}
