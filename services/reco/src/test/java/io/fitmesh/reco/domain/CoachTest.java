package io.fitmesh.reco.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CoachTest {
  // A Tuesday.
  static final Instant NOW = Instant.parse("2026-12-01T07:00:00Z");
  static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  static final List<BestEffort> FIVE_KM_25_MIN = List.of(new BestEffort("5 km", 5000, 1500));

  static AthleteTraining training(double acute, double chronic, Optional<LocalDate> lastHard, double maxHr,
      Instant latestEnd, double latestLoad) {
    return new AthleteTraining(ZONE, acute, chronic, 30, Optional.of(NOW.minusSeconds(86_400 * 200)),
        Optional.of(new AthleteTraining.LatestWorkout(latestEnd, latestLoad, Sport.RUN)), lastHard,
        List.of(new AthleteTraining.SportShare(Sport.RUN, 20, 200_000)), maxHr, FIVE_KM_25_MIN, List.of(), 0);
  }

  @Test
  void anAcuteLoadFarAboveChronic_meansRest_withTheNumbersInTheReason() {
    AthleteTraining t = training(612, 380, Optional.empty(), 190, NOW.minusSeconds(3600 * 10), 150);

    TodaysWorkout today = Coach.today(t, NOW);

    assertThat(today.kind()).isEqualTo(WorkoutKind.REST);
    assertThat(today.durationMin()).isZero();
    assertThat(today.because()).contains("acute load 612 is 1.6x your chronic 380: take it easy");
  }

  @Test
  void anAcuteLoadFarAboveChronic_aDayAfterTheLastWorkout_meansRecovery_atLowHeartRate() {
    AthleteTraining t = training(612, 380, Optional.empty(), 190, NOW.minusSeconds(3600 * 30), 150);

    TodaysWorkout today = Coach.today(t, NOW);

    assertThat(today.kind()).isEqualTo(WorkoutKind.RECOVERY);
    assertThat(today.heartRateLowBpm()).isEqualTo(95);
    assertThat(today.heartRateHighBpm()).isEqualTo(114);
  }

  @Test
  void aHardDayYesterday_meansEasy() {
    AthleteTraining t = training(60, 55, Optional.of(LocalDate.of(2026, 11, 30)), 0, NOW.minusSeconds(3600 * 20), 90);

    TodaysWorkout today = Coach.today(t, NOW);

    assertThat(today.kind()).isEqualTo(WorkoutKind.EASY);
    assertThat(today.because()).anyMatch(b -> b.contains("yesterday"));
  }

  @Test
  void aFreshAthlete_onAWeekday_getsQuality_withPacesFromTheir5kBest() {
    AthleteTraining t = training(40, 50, Optional.of(LocalDate.of(2026, 11, 27)), 0, NOW.minusSeconds(3600 * 40), 40);

    TodaysWorkout today = Coach.today(t, NOW);

    assertThat(today.kind()).isEqualTo(WorkoutKind.QUALITY);
    assertThat(today.paceSlowSPerKm()).isEqualTo(324);
    assertThat(today.paceFastSPerKm()).isEqualTo(306);
    assertThat(today.because()).anyMatch(b -> b.contains("4 days ago"))
        .anyMatch(b -> b.contains("pace 5:24-5:06 /km from your 5 km pace 5:00 /km"));
  }

  @Test
  void aFreshAthlete_onASaturday_goesLong() {
    Instant saturday = Instant.parse("2026-12-05T07:00:00Z");
    AthleteTraining t = training(40, 50, Optional.empty(), 185, saturday.minusSeconds(3600 * 40), 40);

    TodaysWorkout today = Coach.today(t, saturday);

    assertThat(today.kind()).isEqualTo(WorkoutKind.LONG);
    assertThat(today.id()).isEqualTo("today:2026-12-05:long");
  }

  @Test
  void anAthleteWithoutABase_startsEasy() {
    AthleteTraining t = new AthleteTraining(ZONE, 0, 0, 0, Optional.empty(), Optional.empty(), Optional.empty(),
        List.of(), 0, List.of(), List.of(), 0);

    TodaysWorkout today = Coach.today(t, NOW);

    assertThat(today.kind()).isEqualTo(WorkoutKind.EASY);
    assertThat(today.durationMin()).isEqualTo(30);
    assertThat(Coach.recovery(t, NOW).hoursRemaining()).isZero();
  }

  @Test
  void recovery_countsDownFromTheLatestWorkout_andWarnsAboveRatio15() {
    AthleteTraining t = training(612, 380, Optional.empty(), 190, NOW.minusSeconds(3600 * 10), 150);

    Recovery recovery = Coach.recovery(t, NOW);

    assertThat(recovery.hoursRemaining()).isEqualTo(56);
    assertThat(recovery.warning()).hasValueSatisfying(w -> assertThat(w).contains("above 1.5"));
    assertThat(recovery.because()).contains("load of 150").contains("66 hours");
  }
}
