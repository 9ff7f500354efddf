package io.fitmesh.training.analytics.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fitmesh.training.analytics.adapters.InMemoryAnalyticsStore;
import io.fitmesh.training.domain.Sport;
import io.fitmesh.training.domain.Summary;
import io.fitmesh.training.domain.Visibility;
import io.fitmesh.training.domain.WorkoutRecord;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnalyticsServiceTest {
  /** Wednesday 2026-11-25, 23:30 in Ljubljana (UTC+1). */
  private static final Instant NOW = Instant.parse("2026-11-25T22:30:00Z");
  private final AnalyticsService analytics =
      new AnalyticsService(new InMemoryAnalyticsStore(), Clock.fixed(NOW, ZoneOffset.UTC));

  static WorkoutRecord finished(String id, Sport sport, Instant start, double distance, double movingS,
      List<Summary.BestEffort> efforts) {
    Summary s = new Summary(start.plusSeconds((long) movingS), 100, distance, movingS, movingS, distance / movingS,
        4, 300, 25, 25, 0, 0, List.of(0.0, 0.0, 0.0, 0.0, 0.0), 0, 0, 300, List.of(), efforts, List.of(), null, List.of());
    return new WorkoutRecord(id, "athlete-1", sport, start, ZoneId.of("Europe/Ljubljana"), Visibility.EVERYONE,
        WorkoutRecord.State.FINISHED, "", WorkoutRecord.Source.RECORDED, s);
  }

  static WorkoutRecord flagged(WorkoutRecord w) {
    return w.finished(w.summary().withFlags(List.of(new io.fitmesh.training.domain.PlausibilityCheck.Flag("speed", "too fast"))));
  }

  @Test
  void stats_countPeriodsInTheAthletesTimeZone() {
    analytics.onCompleted(finished("w-monday", Sport.RUN, Instant.parse("2026-11-23T06:00:00Z"), 10_000, 3000, List.of()));
    analytics.onCompleted(finished("w-last-sunday-late", Sport.RUN, Instant.parse("2026-11-22T23:30:00Z"), 5_000, 1500, List.of()));
    analytics.onCompleted(finished("w-october", Sport.RIDE, Instant.parse("2026-10-10T08:00:00Z"), 40_000, 5400, List.of()));

    AthleteStats stats = analytics.stats("athlete-1", "");

    assertThat(stats.week()).singleElement().satisfies(t -> {
      assertThat(t.sport()).isEqualTo(Sport.RUN);
      assertThat(t.count()).as("Sunday 23:30 UTC is Monday 00:30 in Ljubljana").isEqualTo(2);
      assertThat(t.distanceM()).isEqualTo(15_000);
    });
    assertThat(stats.month()).extracting(Totals::sport).containsExactly(Sport.RUN);
    assertThat(stats.year()).extracting(Totals::sport).containsExactlyInAnyOrder(Sport.RUN, Sport.RIDE);
    assertThat(stats.allTime()).hasSize(2);
  }

  @Test
  void replayedCompletion_countsOnce_andDeletionTakesItOut() {
    WorkoutRecord w = finished("w-1", Sport.RUN, Instant.parse("2026-11-24T06:00:00Z"), 8_000, 2400, List.of());
    analytics.onCompleted(w);
    analytics.onCompleted(w);

    assertThat(analytics.stats("athlete-1", "UTC").allTime()).singleElement()
        .extracting(Totals::count).isEqualTo(1L);

    analytics.onDeleted("athlete-1", "w-1");
    assertThat(analytics.stats("athlete-1", "UTC").allTime()).isEmpty();
  }

  @Test
  void trainingLoad_risesAcuteFasterThanChronic_afterAHardDay() {
    analytics.onCompleted(finished("w-1", Sport.RUN, Instant.parse("2026-11-25T06:00:00Z"), 20_000, 6000, List.of()));

    List<DailyLoad> days = analytics.trainingLoad("athlete-1", 7, "Europe/Ljubljana");

    assertThat(days).hasSize(7);
    DailyLoad today = days.get(6);
    assertThat(today.load()).isCloseTo(80, within(0.1));
    assertThat(today.acute()).isGreaterThan(today.chronic());
    assertThat(today.balance()).isNegative();
    assertThat(days.get(5).load()).isZero();
  }

  @Test
  void trainingLoad_daysOutOfRange_isInvalidArgument() {
    assertThatThrownBy(() -> analytics.trainingLoad("athlete-1", 400, "UTC")).hasMessageContaining("days must be 1..365");
  }

  @Test
  void records_keepTheFastestEffortAndTheLongestRide_ignoringFlaggedWorkouts() {
    analytics.onCompleted(finished("w-slow", Sport.RUN, Instant.parse("2026-11-20T06:00:00Z"), 5_000, 1800,
        List.of(new Summary.BestEffort("5 km", 5000, 1800))));
    analytics.onCompleted(finished("w-fast", Sport.RUN, Instant.parse("2026-11-21T06:00:00Z"), 5_000, 1500,
        List.of(new Summary.BestEffort("5 km", 5000, 1500))));
    analytics.onCompleted(finished("w-ride", Sport.RIDE, Instant.parse("2026-11-22T06:00:00Z"), 80_000, 10_000, List.of()));

    analytics.onCompleted(flagged(finished("w-car", Sport.RUN, Instant.parse("2026-11-23T06:00:00Z"), 5_000, 300,
        List.of(new Summary.BestEffort("5 km", 5000, 300)))));

    List<PersonalRecord> records = analytics.records("athlete-1");

    assertThat(records).filteredOn(r -> r.name().equals("5 km")).singleElement()
        .extracting(PersonalRecord::workoutId).isEqualTo("w-fast");
    assertThat(records).filteredOn(r -> r.name().equals("Longest ride")).singleElement()
        .extracting(PersonalRecord::distanceM).isEqualTo(80_000.0);
  }

  @Test
  void status_saysTodaysLoad_theLatestAndLastHardWorkout_recentSports_andEffortsThenAndNow() {
    analytics.onCompleted(finished("w-old", Sport.RUN, Instant.parse("2026-07-01T06:00:00Z"), 5_000, 1800,
        List.of(new Summary.BestEffort("5 km", 5000, 1800))));
    analytics.onCompleted(finished("w-hard", Sport.RUN, Instant.parse("2026-11-22T06:00:00Z"), 20_000, 6000,
        List.of(new Summary.BestEffort("5 km", 5000, 1500))));
    analytics.onCompleted(finished("w-ride", Sport.RIDE, Instant.parse("2026-11-24T06:00:00Z"), 30_000, 3600,
        List.of()));

    TrainingStatus status = analytics.status("athlete-1", "Europe/Ljubljana");

    assertThat(status.workoutCount()).isEqualTo(3);
    assertThat(status.firstWorkoutTime()).contains(Instant.parse("2026-07-01T06:00:00Z"));
    assertThat(status.latest()).hasValueSatisfying(l -> {
      assertThat(l.sport()).isEqualTo(Sport.RIDE);
      assertThat(l.endTime()).isEqualTo(Instant.parse("2026-11-24T07:00:00Z"));
    });
    assertThat(status.lastHardDay()).contains(java.time.LocalDate.of(2026, 11, 22));
    assertThat(status.recentSports()).extracting(TrainingStatus.RecentSport::sport)
        .containsExactlyInAnyOrder(Sport.RUN, Sport.RIDE);
    assertThat(status.acuteLoad()).isGreaterThan(status.chronicLoad());
    assertThat(status.bestEfforts()).singleElement().extracting(PersonalRecord::elapsedS).isEqualTo(1500.0);
    assertThat(status.bestEfforts90DaysAgo()).singleElement().extracting(PersonalRecord::elapsedS).isEqualTo(1800.0);
  }
}
