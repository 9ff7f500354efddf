package io.fitmesh.challenge.domain;

import static io.fitmesh.challenge.domain.Fixtures.november;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScoreKeyTest {
  private static final Instant T1 = Instant.parse("2026-11-03T07:00:00Z");
  private final Challenge distance = november("c", GoalKind.TOTAL_DISTANCE, Set.of());
  private final Challenge fastest = november("c", GoalKind.FASTEST_EFFORT, Set.of());

  @Test
  void higherScore_ranksFirst_whenReachedLater() {
    assertThat(ScoreKey.of(distance, new Score(10_001, T1.plusSeconds(86_400), 2)))
        .isGreaterThan(ScoreKey.of(distance, new Score(10_000, T1, 1)));
  }

  @Test
  void equalScores_rankWhoReachedThemFirst() {
    assertThat(ScoreKey.of(distance, new Score(10_000, T1, 1)))
        .isGreaterThan(ScoreKey.of(distance, new Score(10_000, T1.plusSeconds(1), 1)));
  }

  @Test
  void fastestEffort_fasterRanksFirst_andNoEffortRanksLast() {
    double faster = ScoreKey.of(fastest, new Score(1199.9, T1.plusSeconds(3600), 1));
    double slower = ScoreKey.of(fastest, new Score(1200.0, T1, 1));
    double none = ScoreKey.of(fastest, Score.none(T1));
    assertThat(faster).isGreaterThan(slower);
    assertThat(slower).isGreaterThan(none);
  }

  @Test
  void decode_givesBackTheScoreAndReachedSecond() {
    Score s = new Score(123_456, Instant.parse("2026-11-29T21:13:14Z"), 7);
    assertThat(ScoreKey.decode(distance, ScoreKey.of(distance, s)))
        .isEqualTo(new Score(123_456, s.reachedTime(), 0));
    Score effort = new Score(1234.5, Instant.parse("2026-11-29T21:13:14Z"), 1);
    assertThat(ScoreKey.decode(fastest, ScoreKey.of(fastest, effort)))
        .isEqualTo(new Score(1234.5, effort.reachedTime(), 0));
    assertThat(ScoreKey.decode(fastest, ScoreKey.of(fastest, Score.none(effort.reachedTime()))).value()).isZero();
  }

  @Test
  void keys_ofTheLargestScoresAndLatestTimes_stayExactInADouble() {
    double key = ScoreKey.of(distance, new Score(200_000_000, Fixtures.CREATED.plus(ScoreKey.MAX_SPAN), 1));
    assertThat((double) (long) key).isEqualTo(key);
    assertThat(Math.abs(key)).isLessThan(Math.pow(2, 53));
  }
}
