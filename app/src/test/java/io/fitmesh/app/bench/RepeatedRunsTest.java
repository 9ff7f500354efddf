package io.fitmesh.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RepeatedRunsTest {
  private static String table(String date, String joins, String p99, String share) {
    return "\n## bench leaderboard, " + date + "\n\nMachine: 2 cores.\n\n| measure | value | target / ratio |\n"
        + "|---|---|---|\n"
        + "| 100,000 joins through ChallengeService | " + joins + " s | target <= 60 s; " + share + "% of the raw chain |\n"
        + "| GetRank with 5 neighbours | p50 1.20 ms, p99 " + p99 + " ms | target p99 <= 5 ms |\n";
  }

  @Test
  void eachFigure_becomesTheMedianOfTheRuns_withItsSpread_whileSharedFiguresStayAsTheyAre() {
    String combined = RepeatedRuns.combine(List.of(
        table("2026-12-02 04:30 UTC", "62.5", "3.10", "38"),
        table("2026-12-02 04:33 UTC", "58.1", "2.90", "41"),
        table("2026-12-02 04:36 UTC", "60.0", "3.40", "40")));

    assertThat(combined)
        .contains("## bench leaderboard, 2026-12-02 04:30 UTC (3 runs: median, and min-max in brackets)")
        .contains("| 100,000 joins through ChallengeService | 60.0 (58.1-62.5) s | target <= 60 s; 40 (38-41)% of the "
            + "raw chain |")
        .contains("| GetRank with 5 neighbours | p50 1.20 ms, p99 3.10 (2.90-3.40) ms | target p99 <= 5 ms |")
        .contains("| measure | value | target / ratio |\n|---|---|---|");
  }

  @Test
  void anEvenNumberOfRuns_takesTheMeanOfTheMiddleTwo_andThousandsKeepTheirSeparators() {
    String combined = RepeatedRuns.combine(List.of(
        "| raw ZADD | 1,000 updates/s | baseline |", "| raw ZADD | 3,000 updates/s | baseline |"));

    assertThat(combined).isEqualTo("| raw ZADD | 2,000 (1,000-3,000) updates/s | baseline |");
  }

  @Test
  void aCommaAfterAFigure_isNotPartOfIt() {
    assertThat(RepeatedRuns.combine(List.of("| screens (12,000, 0 failed) | 5 s |", "| screens (12,400, 0 failed) | 7 s |")))
        .isEqualTo("| screens (12,200 (12,000-12,400), 0 failed) | 6 (5-7) s |");
  }

  @Test
  void aRowWhoseWordsDifferBetweenRuns_keepsTheFirstRunsFigures() {
    assertThat(RepeatedRuns.combine(List.of("| reads (3 failed) | 10 ms | |", "| reads (none failed) | 12 ms | |")))
        .isEqualTo("| reads (3 failed) | 10 ms | |");
  }

  @Test
  void oneRun_isLeftAsItIs() {
    assertThat(RepeatedRuns.combine(List.of("## bench x\n| a | 1 s | |\n"))).isEqualTo("## bench x\n| a | 1 s | |\n");
  }
}
