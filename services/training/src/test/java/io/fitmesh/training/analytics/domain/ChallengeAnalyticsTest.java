package io.fitmesh.training.analytics.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fitmesh.platform.errors.DomainException;
import io.fitmesh.training.analytics.adapters.InMemoryChallengeStatsStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ChallengeAnalyticsTest {
  private static final ZoneId LJUBLJANA = ZoneId.of("Europe/Ljubljana");
  /** 2026-11-04, 12:00 in Ljubljana. */
  private static final Instant NOW = Instant.parse("2026-11-04T11:00:00Z");
  private final ChallengeAnalytics analytics =
      new ChallengeAnalytics(new InMemoryChallengeStatsStore(), Clock.fixed(NOW, ZoneOffset.UTC));
  private final ChallengeInfo november = new ChallengeInfo("nov", "carla", LJUBLJANA,
      Instant.parse("2026-10-31T23:00:00Z"), Instant.parse("2026-11-30T23:00:00Z"));
  private final ChallengeInfo october = new ChallengeInfo("oct", "carla", LJUBLJANA,
      Instant.parse("2026-09-30T22:00:00Z"), Instant.parse("2026-10-31T23:00:00Z"));

  private static Instant at(String localDateTime) {
    return java.time.LocalDateTime.parse(localDateTime).atZone(LJUBLJANA).toInstant();
  }

  @Test
  void athleteStats_countJoinedActiveCompletedGoalsAndBestRank() {
    analytics.onJoined(october, "ana", at("2026-10-02T08:00"), at("2026-10-02T08:00"));
    analytics.onProgress("oct", "ana", at("2026-10-10T09:00"), 50_000, true, 2);
    analytics.onJoined(november, "ana", at("2026-11-01T08:00"), at("2026-11-01T08:00"));
    analytics.onProgress("nov", "ana", at("2026-11-02T09:00"), 8000, false, 5);
    ChallengeInfo other = new ChallengeInfo("left-one", "carla", LJUBLJANA, november.startTime(), november.endTime());
    analytics.onJoined(other, "ana", at("2026-11-01T08:00"), at("2026-11-01T08:00"));
    analytics.onLeft("left-one", "ana", at("2026-11-01T09:00"));

    AthleteChallengeStats stats = analytics.athleteStats("ana");

    assertThat(stats).isEqualTo(new AthleteChallengeStats(2, 1, 1, 1, 2));
    assertThat(analytics.athleteStats("nobody")).isEqualTo(new AthleteChallengeStats(0, 0, 0, 0, 0));
  }

  @Test
  void participation_showsJoinsParticipantsActiveAndDistance_dayByDay_inTheChallengesZone() {
    analytics.onJoined(november, "ana", at("2026-10-30T20:00"), at("2026-10-30T20:00"));
    analytics.onJoined(november, "ben", at("2026-11-01T00:30"), at("2026-11-01T00:30"));
    analytics.onJoined(november, "cene", at("2026-11-02T10:00"), at("2026-11-02T10:00"));
    analytics.onProgress("nov", "ana", at("2026-11-01T07:00"), 5000, false, 1);
    analytics.onProgress("nov", "ben", at("2026-11-02T07:00"), 7000, false, 1);
    analytics.onProgress("nov", "ana", at("2026-11-03T07:00"), 11_000, false, 1);
    analytics.onLeft("nov", "cene", at("2026-11-03T23:30"));

    ParticipationReport report = analytics.participation("carla", "nov");

    assertThat(report.days()).extracting(ParticipationReport.Day::date)
        .containsExactly(LocalDate.of(2026, 10, 30), LocalDate.of(2026, 10, 31), LocalDate.of(2026, 11, 1),
            LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 3), LocalDate.of(2026, 11, 4));
    assertThat(report.days().get(0)).isEqualTo(new ParticipationReport.Day(LocalDate.of(2026, 10, 30), 1, 0, 1, 0, 0));
    assertThat(report.days().get(2)).isEqualTo(new ParticipationReport.Day(LocalDate.of(2026, 11, 1), 1, 0, 2, 1, 5000));
    assertThat(report.days().get(3)).isEqualTo(new ParticipationReport.Day(LocalDate.of(2026, 11, 2), 1, 0, 3, 1, 12_000));
    assertThat(report.days().get(4)).isEqualTo(new ParticipationReport.Day(LocalDate.of(2026, 11, 3), 0, 1, 2, 1, 18_000));
    assertThat(report.participants()).isEqualTo(2);
    assertThat(report.activeParticipants()).isEqualTo(2);
    assertThat(report.distanceM()).isEqualTo(18_000);
  }

  @Test
  void participation_isForTheCreatorOnly_andUnknownChallengesAreNotFound() {
    analytics.onJoined(november, "ana", at("2026-11-01T08:00"), at("2026-11-01T08:00"));

    assertThatThrownBy(() -> analytics.participation("ana", "nov")).isInstanceOfSatisfying(DomainException.class,
        e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.PERMISSION_DENIED));
    assertThatThrownBy(() -> analytics.participation("carla", "unknown")).isInstanceOfSatisfying(
        DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.NOT_FOUND));
  }
}
