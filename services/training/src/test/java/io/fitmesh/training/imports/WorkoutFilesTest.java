package io.fitmesh.training.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fitmesh.platform.errors.DomainException;
import io.fitmesh.training.Fixtures;
import io.fitmesh.training.domain.TrackPoint;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class WorkoutFilesTest {
  private static final DateTimeFormatter CSV_TIME =
      DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss zzz yyyy", Locale.US);
  private static final double SEMICIRCLES = 180.0 / 2147483648.0;

  @ParameterizedTest
  @ValueSource(strings = {"garmin-fenix-5-run", "garmin-fenix-5-walk", "garmin-edge-820-bike"})
  void fitImport_reproducesEveryRecordOfTheDevicesCsv(String name) {
    List<TrackPoint> points = WorkoutFiles.parse(WorkoutFiles.Format.FIT, Fixtures.bytes("fit/" + name + ".fit"));
    List<String> rows = new String(Fixtures.bytes("fit/" + name + "-records.csv"), StandardCharsets.UTF_8)
        .lines().skip(1).toList();

    assertThat(points).hasSize(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      String[] c = rows.get(i).split(",");
      TrackPoint p = points.get(i);
      assertThat(p.seq()).isEqualTo(i);
      assertThat(p.time()).isEqualTo(ZonedDateTime.parse(c[0], CSV_TIME).toInstant());
      assertThat(p.heartRateBpm()).isEqualTo(Double.parseDouble(c[1]));
      assertThat(p.cadenceRpm()).isEqualTo(Double.parseDouble(c[2]));
      assertThat(p.speedMps()).isCloseTo(Double.parseDouble(c[3]), within(1e-3));
      assertThat(p.distanceM()).isCloseTo(Double.parseDouble(c[4]), within(1e-3));
      assertThat(p.latitudeDeg()).isCloseTo(Long.parseLong(c[5]) * SEMICIRCLES, within(1e-9));
      assertThat(p.longitudeDeg()).isCloseTo(Long.parseLong(c[6]) * SEMICIRCLES, within(1e-9));
      assertThat(p.altitudeM()).isCloseTo(Double.parseDouble(c[7]), within(1e-3));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"activity-unexpected-eof.fit", "activity-settings-corruptheader.fit"})
  void damagedFitFile_isInvalidArgument(String file) {
    assertThatThrownBy(() -> WorkoutFiles.parse(WorkoutFiles.Format.FIT, Fixtures.bytes("fit/" + file)))
        .isInstanceOf(DomainException.class)
        .satisfies(e -> assertThat(((DomainException) e).kind()).isEqualTo(DomainException.Kind.INVALID_ARGUMENT))
        .hasMessageContaining("FIT file");
  }

  @Test
  void stravaAppFit_thatTheSdkRejects_isAClearInvalidArgument() {
    assertThatThrownBy(() -> WorkoutFiles.parse(WorkoutFiles.Format.FIT,
            Fixtures.bytes("fit/strava-android-app-201.10-b1218918.fit")))
        .isInstanceOf(DomainException.class)
        .hasMessageContaining("FIT file");
  }

  @Test
  void indoorTrainerFit_importsWithoutPositions() {
    List<TrackPoint> points = WorkoutFiles.parse(WorkoutFiles.Format.FIT,
        Fixtures.bytes("fit/sample-activity-indoor-trainer.fit"));

    assertThat(points).hasSizeGreaterThan(100).noneMatch(TrackPoint::hasPosition);
  }

  @Test
  void gpxHike_importsItsTimedPoints() {
    List<TrackPoint> points = WorkoutFiles.parse(WorkoutFiles.Format.GPX, Fixtures.bytes("gpx/korita-zbevnica.gpx"));

    assertThat(points).hasSize(513).allMatch(TrackPoint::hasPosition);
  }

  @Test
  void gpxWithPlaceholderTimes_isInvalidArgument() {
    assertThatThrownBy(() -> WorkoutFiles.parse(WorkoutFiles.Format.GPX, Fixtures.bytes("gpx/Mojstrovka.gpx")))
        .hasMessageContaining("placeholders");
  }

  @Test
  void gpxWithoutTimes_isInvalidArgument() {
    assertThatThrownBy(() -> WorkoutFiles.parse(WorkoutFiles.Format.GPX,
            Fixtures.bytes("gpx/cerknicko-without-times.gpx")))
        .hasMessageContaining("5 of the GPX file's 296 track points have a time");
  }

  @Test
  void notAGpxFile_isInvalidArgument() {
    assertThatThrownBy(() -> WorkoutFiles.parse(WorkoutFiles.Format.GPX, "<html>".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(DomainException.class)
        .hasMessageContaining("GPX");
  }

  @Test
  void gpxWithADocumentType_isRefusedBeforeAnythingIsResolved() {
    String gpx = "<?xml version=\"1.0\"?><!DOCTYPE gpx [<!ENTITY x \"y\">]><gpx version=\"1.1\"></gpx>";

    assertThatThrownBy(() -> WorkoutFiles.parse(WorkoutFiles.Format.GPX, gpx.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(DomainException.class).hasMessage("GPX files may not declare a document type (DTD)");
  }

  @Test
  void gpxWithGarminTrackPointExtensions_keepsHeartRateCadenceAndPower() {
    String gpx = "<gpx version=\"1.1\" xmlns=\"http://www.topografix.com/GPX/1/1\" "
        + "xmlns:gpxtpx=\"http://www.garmin.com/xmlschemas/TrackPointExtension/v2\"><trk><trkseg>"
        + point("2026-11-20T07:00:00Z", 140, 80, 210) + point("2026-11-20T07:00:01+00:00", 142, 82, 220)
        + "</trkseg></trk></gpx>";

    List<TrackPoint> points = WorkoutFiles.parse(WorkoutFiles.Format.GPX, gpx.getBytes(StandardCharsets.UTF_8));

    assertThat(points).extracting(TrackPoint::heartRateBpm).containsExactly(140.0, 142.0);
    assertThat(points).extracting(TrackPoint::cadenceRpm).containsExactly(80.0, 82.0);
    assertThat(points).extracting(TrackPoint::powerWatts).containsExactly(210.0, 220.0);
    assertThat(points.get(1).time()).isEqualTo(java.time.Instant.parse("2026-11-20T07:00:01Z"));
  }

  private static String point(String time, int hr, int cad, int power) {
    return "<trkpt lat=\"46.0\" lon=\"14.5\"><ele>300</ele><time>" + time + "</time><extensions>"
        + "<power>" + power + "</power><gpxtpx:TrackPointExtension><gpxtpx:hr>" + hr + "</gpxtpx:hr>"
        + "<gpxtpx:cad>" + cad + "</gpxtpx:cad></gpxtpx:TrackPointExtension></extensions></trkpt>";
  }

  @Test
  void aCancelledImport_stopsReadingTheFile() {
    com.garmin.fit.BufferEncoder encoder = new com.garmin.fit.BufferEncoder(com.garmin.fit.Fit.ProtocolVersion.V1_0);
    for (int i = 0; i < 50_000; i++) {
      com.garmin.fit.RecordMesg r = new com.garmin.fit.RecordMesg();
      r.setTimestamp(new com.garmin.fit.DateTime(1_100_000_000L + i));
      r.setHeartRate((short) 120);
      encoder.write(r);
    }
    byte[] file = encoder.close();
    java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();

    assertThatThrownBy(() -> WorkoutFiles.legs(WorkoutFiles.Format.FIT, file, () -> asked.incrementAndGet() > 1))
        .isInstanceOf(java.util.concurrent.CancellationException.class);
    assertThat(asked.get()).as("stopped at the second check, not at the end of 50,000 records").isEqualTo(2);
  }
}
