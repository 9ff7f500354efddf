package io.fitmesh.training.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fitmesh.training.Fixtures;
import io.fitmesh.training.imports.WorkoutFiles;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryCalculatorTest {
  private static final Instant START = Instant.parse("2026-11-26T07:00:00Z");
  /** Degrees of latitude per metre. */
  private static final double DEG_PER_M = 1 / 111_195.0;

  private static TrackPoint point(long seq, long second, double northM, Double altitude, Double hr) {
    return new TrackPoint(seq, START.plusSeconds(second), 46.0 + northM * DEG_PER_M, 14.5, altitude, hr,
        null, null, null, null);
  }

  @Test
  void steadyRun_hasItsDistanceTimePaceAndSplits() {
    List<TrackPoint> points = new ArrayList<>();
    for (int s = 0; s <= 1200; s++) {
      points.add(point(s, s, s * 3.0, 300.0, 150.0));
    }

    Summary summary = SummaryCalculator.summarize(points, Sport.RUN);

    assertThat(summary.distanceM()).isCloseTo(3600, within(20.0));
    assertThat(summary.elapsedS()).isEqualTo(1200);
    assertThat(summary.movingS()).isEqualTo(1200);
    assertThat(summary.averageSpeedMps()).isCloseTo(3.0, within(0.05));
    assertThat(summary.averagePaceSPerKm()).isCloseTo(333.3, within(3.0));
    assertThat(summary.maxSpeedMps()).isCloseTo(3.0, within(0.05));
    assertThat(summary.splits()).hasSize(4);
    assertThat(summary.splits().get(0).distanceM()).isCloseTo(1000, within(3.0));
    assertThat(summary.splits().get(3).distanceM()).isCloseTo(600, within(20.0));
    assertThat(summary.bestEfforts()).extracting(Summary.BestEffort::name).containsExactly("1 km");
    assertThat(summary.bestEfforts().get(0).elapsedS()).isCloseTo(333, within(2.0));
    assertThat(summary.averageHeartRateBpm()).isEqualTo(150);
    assertThat(summary.heartRateZoneS().get(2)).as("150 bpm is 79% of 190: zone 3").isEqualTo(1200);
    assertThat(summary.caloriesKcal()).isGreaterThan(200);
  }

  @Test
  void aJumpTheTrackCarriesOnFrom_countsNoDistanceSpeedSplitOrEffort() {
    List<TrackPoint> points = new ArrayList<>();
    for (int s = 0; s <= 1800; s++) {
      double north = s * 3.0 + (s >= 900 ? 100_000 : 0);
      points.add(point(s, s, north, 300.0, 150.0));
    }

    Summary summary = SummaryCalculator.summarize(points, Sport.RUN);

    assertThat(summary.distanceM()).as("30 minutes at 3 m/s; the 100 km jump is not run").isCloseTo(5400, within(30.0));
    assertThat(summary.maxSpeedMps()).isCloseTo(3.0, within(0.05));
    assertThat(summary.averageSpeedMps()).isCloseTo(3.0, within(0.05));
    assertThat(summary.splits()).hasSize(6).allSatisfy(split -> assertThat(split.distanceM()).isLessThan(1010));
    assertThat(summary.bestEfforts()).extracting(Summary.BestEffort::name).containsExactly("1 km", "5 km");
    assertThat(summary.bestEfforts().get(0).elapsedS()).isCloseTo(333, within(2.0));
    assertThat(summary.bestEfforts().get(1).elapsedS()).isCloseTo(1667, within(5.0));
  }

  @Test
  void gpsJitterWhileStanding_addsNoDistanceAndNoMovingTime() {
    List<TrackPoint> points = new ArrayList<>();
    for (int s = 0; s <= 600; s++) {
      points.add(point(s, s, (s % 2 == 0 ? 1.0 : -1.0), null, null));
    }

    Summary summary = SummaryCalculator.summarize(points, Sport.RUN);

    assertThat(summary.distanceM()).isZero();
    assertThat(summary.movingS()).isZero();
  }

  @Test
  void aPauseAndAGapInSamples_countOnlyMovingTime() {
    List<TrackPoint> points = new ArrayList<>();
    int seq = 0;
    for (int s = 0; s < 300; s++) {
      points.add(point(seq++, s, s * 3.0, null, null));
    }
    for (int s = 300; s < 600; s++) {
      points.add(point(seq++, s, 897.0, null, null));
    }
    points.add(point(seq++, 1200, 1500.0, null, null));
    for (int s = 1201; s < 1500; s++) {
      points.add(point(seq++, s, 1500.0 + (s - 1200) * 3.0, null, null));
    }

    Summary summary = SummaryCalculator.summarize(points, Sport.RUN);

    assertThat(summary.elapsedS()).isEqualTo(1499);
    assertThat(summary.movingS()).as("auto-pause reacts within the 5 s window").isCloseTo(299 + 299, within(6.0));
  }

  @Test
  void altimeterNoise_isNotClimbing_butARealClimbIs() {
    List<TrackPoint> points = new ArrayList<>();
    for (int s = 0; s < 200; s++) {
      double noise = (s % 2 == 0) ? 1.0 : -1.0;
      double climb = s >= 100 ? (s - 100) * 0.5 : 0;
      points.add(point(s, s, s * 3.0, 300 + noise + climb, null));
    }

    Summary summary = SummaryCalculator.summarize(points, Sport.RUN);

    assertThat(summary.elevationGainM()).isCloseTo(50, within(4.0));
    assertThat(summary.elevationLossM()).isLessThan(3);
  }

  @Test
  void realFenixRun_fromItsFitFile() {
    List<TrackPoint> points = WorkoutFiles.parse(WorkoutFiles.Format.FIT,
        Fixtures.bytes("fit/activity-small-fenix2-run.fit"));

    Summary summary = SummaryCalculator.summarize(points, Sport.RUN);
    double deviceDistance = points.stream().filter(p -> p.distanceM() != null)
        .mapToDouble(TrackPoint::distanceM).max().orElseThrow();

    assertThat(summary.distanceM()).isCloseTo(deviceDistance, within(deviceDistance * 0.05));
    assertThat(summary.movingS()).isLessThanOrEqualTo(summary.elapsedS()).isGreaterThan(summary.elapsedS() * 0.8);
    assertThat(summary.averageHeartRateBpm()).isBetween(60.0, 200.0);
  }

  @Test
  void indoorRide_withoutPositionsOrDistance_countsPedallingAsMoving() {
    List<TrackPoint> points = WorkoutFiles.parse(WorkoutFiles.Format.FIT,
        Fixtures.bytes("fit/sample-activity-indoor-trainer.fit"));

    Summary summary = SummaryCalculator.summarize(points, Sport.VIRTUAL_RIDE);

    assertThat(summary.distanceM()).isZero();
    assertThat(summary.movingS()).isGreaterThan(summary.elapsedS() * 0.8);
    assertThat(summary.averagePowerWatts()).isGreaterThan(100);
  }

  @Test
  void heartRateAloneRecordedLive_movesForTheTimer_butNotAcrossAGap() {
    List<TrackPoint> points = new ArrayList<>();
    for (int s = 0; s <= 600; s++) {
      if (s < 300 || s > 500) {
        points.add(new TrackPoint(points.size(), START.plusSeconds(s), null, null, null, 130.0, null, null, null,
            null));
      }
    }

    Summary summary = SummaryCalculator.summarize(points, Sport.OTHER);

    assertThat(summary.elapsedS()).isEqualTo(600);
    assertThat(summary.movingS()).as("the 201 s without samples is a pause").isEqualTo(299 + 99);
  }

  @Test
  void aSparseWalkingTrack_aPointEveryThreeMinutes_isMoving() {
    List<TrackPoint> points = new ArrayList<>();
    for (int s = 0; s <= 3600; s += 180) {
      points.add(point(s / 180, s, s * 1.2, null, null));
    }

    Summary summary = SummaryCalculator.summarize(points, Sport.WALK);

    assertThat(summary.movingS()).isEqualTo(3600);
    assertThat(summary.distanceM()).isCloseTo(4320, within(5.0));
  }

  @Test
  void aSlowClimbingHike_isMoving_whileStandingStillIsNot() {
    List<TrackPoint> points = new ArrayList<>();
    for (int s = 0; s <= 1200; s++) {
      double north = s <= 600 ? s * 0.3 : 180 + (s % 2 == 0 ? 1.0 : -1.0);
      points.add(point(s, s, north, null, null));
    }

    Summary walked = SummaryCalculator.summarize(points, Sport.HIKE);

    assertThat(walked.movingS()).as("1.1 km/h uphill is hiking; the jitter after it is not")
        .isCloseTo(600, within(35.0));
  }
}
