package io.fitmesh.training.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.fitmesh.training.Fixtures;
import io.fitmesh.training.imports.WorkoutFiles;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class PlausibilityCheckTest {

  private static List<TrackPoint> gpx(String name) {
    return WorkoutFiles.parse(WorkoutFiles.Format.GPX, Fixtures.bytes("gpx/" + name));
  }

  private static List<TrackPoint> fit(String name) {
    return WorkoutFiles.parse(WorkoutFiles.Format.FIT, Fixtures.bytes("fit/" + name));
  }

  private static List<String> rules(List<PlausibilityCheck.Flag> flags) {
    return flags.stream().map(PlausibilityCheck.Flag::rule).toList();
  }

  @ParameterizedTest
  @EnumSource(value = Sport.class, names = {"RUN", "WALK", "RIDE"})
  void carRide_isFlagged_whateverItIsDeclaredAs(Sport declared) {
    List<PlausibilityCheck.Flag> flags = PlausibilityCheck.check(declared, gpx("around-visnjan-with-car.gpx"));

    assertThat(flags).as(declared + ": " + flags).isNotEmpty();
    assertThat(flags).allSatisfy(f -> assertThat(f.reason()).isNotBlank());
  }

  @Test
  void carRide_asARide_isCalledAVehicle() {
    assertThat(rules(PlausibilityCheck.check(Sport.RIDE, gpx("around-visnjan-with-car.gpx")))).contains("vehicle");
  }

  @Test
  void realHike_isNotFlagged() {
    assertThat(PlausibilityCheck.check(Sport.HIKE, gpx("korita-zbevnica.gpx"))).isEmpty();
  }

  @CsvSource({"garmin-fenix-5-run.fit,RUN", "garmin-fenix-5-walk.fit,WALK", "garmin-edge-820-bike.fit,RIDE",
      "activity-small-fenix2-run.fit,RUN"})
  @ParameterizedTest
  void realGarminWorkouts_areNotFlagged(String file, Sport sport) {
    assertThat(PlausibilityCheck.check(sport, fit(file))).isEmpty();
  }

  @Test
  void oneGpsGlitch_isNotATeleport_butFortyKmhIsNoRun() {
    List<PlausibilityCheck.Flag> asRun = PlausibilityCheck.check(Sport.RUN, gpx("cerknicko-jezero.gpx"));

    assertThat(rules(asRun)).doesNotContain("teleport").contains("speed");
    assertThat(rules(PlausibilityCheck.check(Sport.RIDE, gpx("cerknicko-jezero.gpx")))).doesNotContain("teleport");
  }

  @Test
  void aJumpTheTrackCarriesOnFrom_isATeleport() {
    Instant start = Instant.parse("2026-11-26T07:00:00Z");
    List<TrackPoint> points = new ArrayList<>();
    for (int s = 0; s < 120; s++) {
      double north = s < 60 ? s * 3.0 : 5_000 + s * 3.0;
      points.add(new TrackPoint(s, start.plusSeconds(s), 46.0 + north / 111_195.0, 14.5, null, null, null, null,
          null, null));
    }

    assertThat(rules(PlausibilityCheck.check(Sport.RUN, points))).contains("teleport");
  }

  @Test
  void fastRunWithAFlatHeartRate_isFlagged() {
    Instant start = Instant.parse("2026-11-26T07:00:00Z");
    List<TrackPoint> points = new ArrayList<>();
    for (int s = 0; s < 900; s++) {
      points.add(new TrackPoint(s, start.plusSeconds(s), 46.0 + s * 5.5 / 111_195.0, 14.5, null, 70.0, null, null,
          null, null));
    }

    assertThat(rules(PlausibilityCheck.check(Sport.RUN, points))).containsExactly("heart_rate");
  }

  @Test
  void aFileOfManyPointsASecond_isCheckedInLinearTime() {
    java.util.List<TrackPoint> crowded = new java.util.ArrayList<>();
    java.time.Instant start = java.time.Instant.parse("2026-11-20T07:00:00Z");
    for (int i = 0; i < 200_000; i++) {
      crowded.add(new TrackPoint(i, start.plusMillis(i / 20), 46.0 + i * 1e-7, 14.5, null, null, null, null, null,
          null));
    }

    org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
        () -> PlausibilityCheck.check(Sport.RUN, crowded));
  }
}
