package io.fitmesh.training.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.garmin.fit.Sport;
import com.garmin.fit.SubSport;
import io.fitmesh.events.v1.EventEnvelope;
import io.fitmesh.platform.domain.PendingEvent;
import io.fitmesh.platform.errors.DomainException;
import io.fitmesh.platform.events.EnvelopeEvent;
import io.fitmesh.platform.events.InMemoryOutboxStore;
import io.fitmesh.platform.geo.PrivacyZone;
import io.fitmesh.testkit.FitWriter;
import io.fitmesh.training.adapters.InMemoryWorkoutStore;
import io.fitmesh.training.domain.SampleSource;
import io.fitmesh.training.domain.SocialGraph;
import io.fitmesh.training.domain.StartCommand;
import io.fitmesh.training.domain.Summary;
import io.fitmesh.training.domain.TrackPoint;
import io.fitmesh.training.domain.TrainingService;
import io.fitmesh.training.domain.Visibility;
import io.fitmesh.training.domain.WorkoutEvents;
import io.fitmesh.training.domain.WorkoutRecord;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Files written with Garmin's FIT SDK encoder the way devices write them (pool swims with lengths, a triathlon of
 * five sessions, device totals, a heart-rate-only indoor file, clock jumps), and GPX files with Garmin's
 * TrackPointExtension, imported as an athlete imports them: the workouts show what the watch showed.
 */
class DeviceFilesTest {
  private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  private static final Instant START = Instant.parse("2026-11-28T07:00:00Z");
  private static final double METRES_PER_DEGREE = 111_195.0;

  private final Map<String, List<TrackPoint>> samples = new HashMap<>();
  private final List<String> completed = new ArrayList<>();
  private final TrainingService training = new TrainingService(
      new InMemoryWorkoutStore(new InMemoryOutboxStore()), new MapSamples(), new CountedEvents(), new NoSocial(),
      Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void poolSwim_takesDistanceFromItsLengths_andTimeFromTheTimer() {
    FitWriter file = new FitWriter(START);
    Instant t = START;
    for (int i = 0; i < 40; i++) {
      file.length(t, 35, true);
      t = t.plusSeconds(35);
      if (i % 10 == 9) {
        file.length(t, 30, false);
        t = t.plusSeconds(30);
      }
    }
    file.session(new FitWriter.Session(Sport.SWIMMING, SubSport.LAP_SWIMMING, START, 1520, 1400, 1000.0, null,
        310, 25.0, 40));

    Summary s = importFit(file.bytes(), io.fitmesh.training.domain.Sport.SWIM).get(0).summary();

    assertThat(s.distanceM()).isEqualTo(1000.0);
    assertThat(s.poolLengthM()).isEqualTo(25.0);
    assertThat(s.poolLengths()).isEqualTo(40);
    assertThat(s.movingS()).isEqualTo(1400.0);
    assertThat(s.elapsedS()).isEqualTo(1520.0);
    assertThat(s.averagePaceSPerKm()).isEqualTo(1400.0);
    assertThat(s.caloriesKcal()).isEqualTo(310.0);
    assertThat(s.sources().distance()).isEqualTo(Summary.Source.DEVICE);
    assertThat(s.sources().movingTime()).isEqualTo(Summary.Source.DEVICE);
    assertThat(s.endTime()).isEqualTo(START.plusSeconds(1520));
    assertThat(s.sampleCount()).isZero();
  }

  @Test
  void poolSwimWithoutALengthCount_countsItsActiveLengths() {
    FitWriter file = new FitWriter(START);
    Instant t = START;
    for (int i = 0; i < 12; i++) {
      file.length(t, 40, i % 4 != 3);
      t = t.plusSeconds(40);
    }
    file.session(new FitWriter.Session(Sport.SWIMMING, SubSport.LAP_SWIMMING, START, 480, 360, null, null, null,
        50.0, null));

    Summary s = importFit(file.bytes(), io.fitmesh.training.domain.Sport.SWIM).get(0).summary();

    assertThat(s.poolLengths()).as("9 of the 12 lengths were swum").isEqualTo(9);
    assertThat(s.distanceM()).isEqualTo(450.0);
  }

  @Test
  void triathlon_becomesFiveLinkedWorkouts_eachWithItsOwnSportAndTotals() {
    FitWriter file = new FitWriter(START);
    double[][] legs = {{1800, 1.0}, {120, 1.5}, {3600, 8.0}, {120, 2.0}, {2400, 3.5}};
    Sport[] sports = {Sport.SWIMMING, Sport.TRANSITION, Sport.CYCLING, Sport.TRANSITION, Sport.RUNNING};
    Instant legStart = START;
    double along = 0;
    for (int leg = 0; leg < legs.length; leg++) {
      track(file, legStart, (int) legs[leg][0], 5, legs[leg][1], along, 140 + leg);
      along += legs[leg][0] * legs[leg][1];
      file.session(FitWriter.Session.of(sports[leg], legStart, legs[leg][0], legs[leg][0],
          legs[leg][0] * legs[leg][1] * 0.97));
      legStart = legStart.plusSeconds((long) legs[leg][0]);
    }

    List<WorkoutRecord> imported = importFit(file.bytes(), io.fitmesh.training.domain.Sport.OTHER);

    assertThat(imported).extracting(WorkoutRecord::sport).containsExactly(io.fitmesh.training.domain.Sport.SWIM,
        io.fitmesh.training.domain.Sport.OTHER, io.fitmesh.training.domain.Sport.RIDE,
        io.fitmesh.training.domain.Sport.OTHER, io.fitmesh.training.domain.Sport.RUN);
    assertThat(imported).extracting(WorkoutRecord::title).containsExactly("Race · Swim (1 of 5)",
        "Race · Transition (2 of 5)", "Race · Bike (3 of 5)", "Race · Transition (4 of 5)", "Race · Run (5 of 5)");
    assertThat(imported.get(0).workoutId()).isEqualTo("import-0001");
    List<String> ids = imported.stream().map(WorkoutRecord::workoutId).toList();
    assertThat(ids).doesNotHaveDuplicates();
    for (int leg = 0; leg < 5; leg++) {
      WorkoutRecord w = imported.get(leg);
      assertThat(w.multisport().activityId()).isEqualTo("import-0001");
      assertThat(w.multisport().leg()).isEqualTo(leg + 1);
      assertThat(w.multisport().workoutIds()).isEqualTo(ids);
      assertThat(w.summary().distanceM()).isCloseTo(legs[leg][0] * legs[leg][1] * 0.97, within(0.5));
      assertThat(w.summary().movingS()).isEqualTo(legs[leg][0]);
      assertThat(w.summary().flags()).as("legs of one race do not overlap each other").isEmpty();
      assertThat(w.startTime()).isEqualTo(START.plusSeconds((long) java.util.Arrays.stream(legs).limit(leg)
          .mapToDouble(l -> l[0]).sum()));
    }
    assertThat(completed).hasSize(5);

    List<WorkoutRecord> again = importFit(file.bytes(), io.fitmesh.training.domain.Sport.OTHER);
    assertThat(again).as("importing again finds the same legs").isEqualTo(imported);
    assertThat(completed).hasSize(5);
  }

  @Test
  void runWithAFootPod_showsTheWatchsDistance_andItsLapsAsSplits() {
    FitWriter file = new FitWriter(START);
    track(file, START, 3000, 1, 3.1, 0, 150);
    file.lap(START, 2990, 1000).lap(START.plusSeconds(1000), 2995, 1000).lap(START.plusSeconds(2000), 2995, 1000);
    file.session(new FitWriter.Session(Sport.RUNNING, SubSport.GENERIC, START, 3005, 3000, 8980.0, 152, 720,
        null, null));

    Summary s = importFit(file.bytes(), io.fitmesh.training.domain.Sport.RUN).get(0).summary();

    assertThat(s.distanceM()).as("the watch said 8.98 km; the GPS track is 9.3 km").isEqualTo(8980.0);
    assertThat(s.movingS()).isEqualTo(3000.0);
    assertThat(s.elapsedS()).isEqualTo(3005.0);
    assertThat(s.averageHeartRateBpm()).isEqualTo(152.0);
    assertThat(s.maxHeartRateBpm()).isEqualTo(172.0);
    assertThat(s.caloriesKcal()).isEqualTo(720.0);
    assertThat(s.averageSpeedMps()).isCloseTo(8980.0 / 3000, within(1e-9));
    assertThat(s.splits()).extracting(Summary.Split::distanceM).containsExactly(2990.0, 2995.0, 2995.0);
    assertThat(s.sources()).isEqualTo(new Summary.Sources(Summary.Source.DEVICE, Summary.Source.DEVICE,
        Summary.Source.DEVICE, Summary.Source.DEVICE, Summary.Source.COMPUTED, Summary.Source.COMPUTED,
        Summary.Source.DEVICE, Summary.Source.COMPUTED, Summary.Source.DEVICE, Summary.Source.COMPUTED));
    assertThat(s.bestEfforts()).as("best efforts still come from the track").isNotEmpty();
  }

  @Test
  void aFileWhoseTotalsClaimFarMoreThanItsTrack_keepsTheTracksDistance() {
    FitWriter file = new FitWriter(START);
    track(file, START, 1800, 1, 3.0, 0, 150);
    file.session(FitWriter.Session.of(Sport.RUNNING, START, 1800, 1800, 42195.0));

    Summary s = importFit(file.bytes(), io.fitmesh.training.domain.Sport.RUN).get(0).summary();

    assertThat(s.distanceM()).isCloseTo(5400, within(60.0));
    assertThat(s.sources().distance()).isEqualTo(Summary.Source.COMPUTED);
  }

  @Test
  void treadmillTotalsWithoutATrack_beyondAnyRunner_areFlagged() {
    FitWriter file = new FitWriter(START);
    for (int i = 0; i <= 3600; i += 10) {
      file.record(START.plusSeconds(i), null, null, 150, null, null, null, 85);
    }
    file.session(FitWriter.Session.of(Sport.RUNNING, START, 3600, 3600, 100_000.0));

    Summary s = importFit(file.bytes(), io.fitmesh.training.domain.Sport.RUN).get(0).summary();

    assertThat(s.distanceM()).isEqualTo(100_000.0);
    assertThat(s.flags()).extracting(f -> f.rule()).containsExactly("speed");
  }

  @Test
  void heartRateOnlyIndoorFile_movesForItsTimerTime() {
    FitWriter file = new FitWriter(START);
    for (int i = 0; i <= 60; i++) {
      file.record(START.plusSeconds(i), null, null, 120 + i % 5, null, null, null, null);
    }

    Summary computed = importFit(file.bytes(), io.fitmesh.training.domain.Sport.OTHER).get(0).summary();

    assertThat(computed.movingS()).isEqualTo(60.0);
    assertThat(computed.elapsedS()).isEqualTo(60.0);
    assertThat(computed.sources().movingTime()).isEqualTo(Summary.Source.COMPUTED);
  }

  @Test
  void aClockJumpingForward20Days_isNotElapsedActivity() {
    FitWriter file = new FitWriter(START);
    Instant jumped = START.plus(Duration.ofDays(20));
    assertThat(jumped).as("the clock jumps past the import day").isAfter(NOW);
    for (int i = 0; i < 1200; i++) {
      Instant at = i < 600 ? START.plusSeconds(i) : jumped.plusSeconds(i);
      file.record(at, 46.0 + i * 3.0 / METRES_PER_DEGREE, 14.5, 150, null, null, null, null);
    }

    Summary s = importFit(file.bytes(), io.fitmesh.training.domain.Sport.RUN).get(0).summary();

    assertThat(s.elapsedS()).isEqualTo(1199.0);
    assertThat(s.movingS()).isGreaterThan(1150.0);
    assertThat(s.distanceM()).isCloseTo(3597, within(20.0));
  }

  @Test
  void aClockSteppingBackAtTheStart_losesNoMovingTime() {
    FitWriter file = new FitWriter(START);
    for (int i = 0; i < 1000; i++) {
      Instant at = i < 100 ? START.plusSeconds(i) : START.plusSeconds(i - 90);
      file.record(at, 46.0 + i * 3.0 / METRES_PER_DEGREE, 14.5, 150, null, null, null, null);
    }

    List<TrackPoint> points = WorkoutFiles.parse(WorkoutFiles.Format.FIT, file.bytes());
    Summary s = importFit(file.bytes(), io.fitmesh.training.domain.Sport.RUN).get(0).summary();

    assertThat(points).isSortedAccordingTo(java.util.Comparator.comparing(TrackPoint::time));
    assertThat(s.elapsedS()).isEqualTo(999.0);
    assertThat(s.movingS()).isGreaterThan(980.0);
  }

  @Test
  void aPausedTimer_isAPause_notAClockJump() {
    FitWriter file = new FitWriter(START);
    track(file, START, 600, 1, 3.0, 0, 150);
    file.timer(START.plusSeconds(600), false).timer(START.plusSeconds(7800), true);
    track(file, START.plusSeconds(7801), 600, 1, 3.0, 1800, 150);

    Summary s = importFit(file.bytes(), io.fitmesh.training.domain.Sport.RUN).get(0).summary();

    assertThat(s.elapsedS()).as("two hours of lunch are elapsed time").isEqualTo(8400.0);
    assertThat(s.movingS()).isCloseTo(1200, within(10.0));
  }

  @Test
  void aFileOfSessionsWithoutAnyTimeOrPoints_isRefused_andStoresNothing() {
    FitWriter file = new FitWriter(START);
    file.session(FitWriter.Session.of(Sport.RUNNING, START, 0, 0, null));

    assertThatThrownBy(() -> importFit(file.bytes(), io.fitmesh.training.domain.Sport.RUN))
        .isInstanceOfSatisfying(DomainException.class,
            e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID_ARGUMENT))
        .hasMessageContaining("fewer than two timed points");
    assertThat(training.list("athlete-1", null, 10).workouts()).isEmpty();
    assertThat(samples).isEmpty();
  }

  @Test
  void aFileOfMoreSessionsThanAnyRace_isRefused_andStoresNothing() {
    FitWriter file = new FitWriter(START);
    for (int leg = 0; leg < 25; leg++) {
      Instant legStart = START.plusSeconds(leg * 60L);
      track(file, legStart, 60, 5, 3.0, leg * 180.0, 140);
      file.session(FitWriter.Session.of(Sport.RUNNING, legStart, 60, 60, 180.0));
    }

    assertThatThrownBy(() -> importFit(file.bytes(), io.fitmesh.training.domain.Sport.RUN))
        .isInstanceOfSatisfying(DomainException.class,
            e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID_ARGUMENT))
        .hasMessage("the FIT file has more than 20 sessions; a multisport activity has at most that many");
    assertThat(training.list("athlete-1", null, 10).workouts()).isEmpty();
    assertThat(samples).isEmpty();
  }

  @Test
  void aSessionClaimingATimerOfFortyDays_isNotBelieved() {
    FitWriter file = new FitWriter(START);
    file.session(FitWriter.Session.of(Sport.SWIMMING, START, 40 * 86_400.0, 40 * 86_400.0, 1000.0));

    assertThatThrownBy(() -> importFit(file.bytes(), io.fitmesh.training.domain.Sport.SWIM))
        .isInstanceOf(DomainException.class).hasMessageContaining("no session timer");
  }

  @Test
  void sessionsThatOverlap_areRefused_soOneTrackCannotCountTwice() {
    FitWriter file = new FitWriter(START);
    track(file, START, 1800, 5, 3.0, 0, 150);
    for (int copy = 0; copy < 3; copy++) {
      file.session(FitWriter.Session.of(Sport.RUNNING, START, 1800, 1800, 5400.0));
    }

    assertThatThrownBy(() -> importFit(file.bytes(), io.fitmesh.training.domain.Sport.RUN))
        .isInstanceOfSatisfying(DomainException.class,
            e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID_ARGUMENT))
        .hasMessageContaining("sessions overlap");
    assertThat(samples).isEmpty();
  }

  @Test
  void aTreadmillMarathonInTenMinutes_isFlagged_evenUnderTheTenMinuteWindow() {
    FitWriter file = new FitWriter(START);
    for (int i = 0; i <= 599; i += 10) {
      file.record(START.plusSeconds(i), null, null, 150, null, null, null, 85);
    }
    file.session(FitWriter.Session.of(Sport.RUNNING, START, 599, 599, 42_195.0));

    Summary s = importFit(file.bytes(), io.fitmesh.training.domain.Sport.RUN).get(0).summary();

    assertThat(s.flags()).extracting(f -> f.rule()).containsExactly("speed");
  }

  @Test
  void aTimerOfDaysOnATrackOfMinutes_isNotBelieved() {
    FitWriter file = new FitWriter(START);
    track(file, START, 600, 1, 3.0, 0, 150);
    file.session(FitWriter.Session.of(Sport.RUNNING, START, 9 * 86_400.0, 9 * 86_400.0, 1800.0));

    Summary s = importFit(file.bytes(), io.fitmesh.training.domain.Sport.RUN).get(0).summary();

    assertThat(s.movingS()).isLessThan(700);
    assertThat(s.elapsedS()).isLessThan(700);
    assertThat(s.sources().movingTime()).isEqualTo(Summary.Source.COMPUTED);
  }

  @Test
  void aTrackStandingStill_allowsNoDeviceDistance_andPoolFiguresPastAnyPoolAreIgnored() {
    FitWriter file = new FitWriter(START);
    for (int i = 0; i < 300; i++) {
      file.record(START.plusSeconds(i), 46.0, 14.5, 120, null, null, null, null);
    }
    file.session(new FitWriter.Session(Sport.CYCLING, SubSport.GENERIC, START, 299, 299, 4_999_000.0, null, null,
        655.0, 65_000));

    Summary s = importFit(file.bytes(), io.fitmesh.training.domain.Sport.RIDE).get(0).summary();

    assertThat(s.distanceM()).isZero();
    assertThat(s.poolLengths()).isZero();
    assertThat(s.sources().distance()).isEqualTo(Summary.Source.COMPUTED);
  }

  @Test
  void aLegInTheFuture_refusesTheWholeFile_beforeAnythingIsStored() {
    FitWriter file = new FitWriter(START);
    Instant[] starts = {START, START.plusSeconds(600), NOW.plus(Duration.ofDays(1))};
    for (Instant legStart : starts) {
      track(file, legStart, 300, 5, 3.0, 0, 140);
      file.session(FitWriter.Session.of(Sport.RUNNING, legStart, 300, 300, 900.0));
    }

    assertThatThrownBy(() -> importFit(file.bytes(), io.fitmesh.training.domain.Sport.RUN))
        .isInstanceOf(DomainException.class).hasMessageContaining("in the future");
    assertThat(samples).isEmpty();
    assertThat(completed).isEmpty();
  }

  @Test
  void importingAnotherFileWithTheIdOfAnImport_isAlreadyExists() {
    FitWriter run = new FitWriter(START);
    track(run, START, 600, 5, 3.0, 0, 150);
    importFit(run.bytes(), io.fitmesh.training.domain.Sport.RUN);
    FitWriter ride = new FitWriter(START.plusSeconds(3600));
    track(ride, START.plusSeconds(3600), 600, 5, 8.0, 0, 150);

    assertThatThrownBy(() -> importFit(ride.bytes(), io.fitmesh.training.domain.Sport.RIDE))
        .isInstanceOfSatisfying(DomainException.class,
            e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.ALREADY_EXISTS));
  }

  @Test
  void fitRecordsWithPlaceholderTimes_areRefused() {
    FitWriter file = new FitWriter(START);
    track(file, Instant.parse("1989-12-31T00:00:10Z"), 60, 1, 3.0, 0, 150);

    assertThatThrownBy(() -> importFit(file.bytes(), io.fitmesh.training.domain.Sport.RUN))
        .isInstanceOf(DomainException.class).hasMessageContaining("placeholders");
  }

  @Test
  void damagedFitFilesWithValidChecksums_areInvalidArgument_neverAnotherError() {
    FitWriter file = new FitWriter(START);
    track(file, START, 120, 1, 3.0, 0, 150);
    file.lap(START, 360, 120).length(START, 30, true);
    file.session(new FitWriter.Session(Sport.SWIMMING, SubSport.LAP_SWIMMING, START, 120, 120, 360.0, 140, 50,
        25.0, 4));
    byte[] valid = file.bytes();
    java.util.Random random = new java.util.Random(7);
    int accepted = 0;
    for (int round = 0; round < 3000; round++) {
      byte[] mutated = valid.clone();
      for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
        mutated[14 + random.nextInt(mutated.length - 16)] = (byte) random.nextInt(256);
      }
      int crc = 0;
      for (int i = 0; i < mutated.length - 2; i++) {
        crc = com.garmin.fit.CRC.get16(crc, mutated[i]);
      }
      mutated[mutated.length - 2] = (byte) crc;
      mutated[mutated.length - 1] = (byte) (crc >> 8);
      try {
        WorkoutFiles.legs(WorkoutFiles.Format.FIT, mutated, () -> false);
        accepted++;
      } catch (DomainException e) {
        assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID_ARGUMENT);
      }
    }
    assertThat(accepted).as("some mutations leave a readable file").isPositive();
  }

  @Test
  void gpxWithTrackPointExtensionV1_keepsHeartRateAndCadence_andASlowClimbIsNotAPause() {
    StringBuilder gpx = new StringBuilder("<gpx version=\"1.1\" creator=\"Garmin Connect\" "
        + "xmlns=\"http://www.topografix.com/GPX/1/1\" "
        + "xmlns:gpxtpx=\"http://www.garmin.com/xmlschemas/TrackPointExtension/v1\"><trk><trkseg>");
    for (int i = 0; i <= 1800; i += 5) {
      gpx.append("<trkpt lat=\"").append(46.0 + i * 0.35 / METRES_PER_DEGREE).append("\" lon=\"14.5\"><ele>")
          .append(300 + i * 0.1).append("</ele><time>").append(START.plusSeconds(i)).append("</time>")
          .append("<extensions><gpxtpx:TrackPointExtension><gpxtpx:atemp>12.0</gpxtpx:atemp><gpxtpx:hr>")
          .append(110 + i % 7).append("</gpxtpx:hr><gpxtpx:cad>48</gpxtpx:cad></gpxtpx:TrackPointExtension>")
          .append("</extensions></trkpt>");
    }
    gpx.append("</trkseg></trk></gpx>");

    WorkoutRecord hike = WorkoutFiles.importFile(training, "athlete-1", command(io.fitmesh.training.domain.Sport.HIKE),
        WorkoutFiles.Format.GPX, gpx.toString().getBytes(StandardCharsets.UTF_8), () -> false).get(0);

    assertThat(hike.summary().averageHeartRateBpm()).isBetween(110.0, 116.0);
    assertThat(hike.summary().averageCadenceRpm()).isEqualTo(48.0);
    assertThat(hike.summary().movingS()).as("a steep climb at 1.3 km/h is moving").isGreaterThan(1700.0);
  }

  @Test
  void gpxTrackSegments_withABreakBetweenThem_areOneWorkoutWithAPause() {
    String gpx = "<gpx version=\"1.1\" xmlns=\"http://www.topografix.com/GPX/1/1\"><trk>"
        + segment(0, 1800) + segment(1800 + 3 * 3600, 1800) + "</trk></gpx>";

    Summary s = WorkoutFiles.importFile(training, "athlete-1", command(io.fitmesh.training.domain.Sport.WALK),
        WorkoutFiles.Format.GPX, gpx.getBytes(StandardCharsets.UTF_8), () -> false).get(0).summary();

    assertThat(s.elapsedS()).as("the three-hour break is elapsed, not a clock jump").isEqualTo(3 * 3600 + 3590);
    assertThat(s.movingS()).isCloseTo(3580, within(20.0));
  }

  private static String segment(int fromSecond, int seconds) {
    StringBuilder seg = new StringBuilder("<trkseg>");
    for (int i = 0; i < seconds; i += 10) {
      seg.append("<trkpt lat=\"").append(46.0 + (fromSecond / 10 + i) * 1.2 / METRES_PER_DEGREE)
          .append("\" lon=\"14.5\"><time>").append(START.plusSeconds(fromSecond + i)).append("</time></trkpt>");
    }
    return seg.append("</trkseg>").toString();
  }

  private List<WorkoutRecord> importFit(byte[] file, io.fitmesh.training.domain.Sport sport) {
    return WorkoutFiles.importFile(training, "athlete-1", command(sport), WorkoutFiles.Format.FIT, file,
        () -> false);
  }

  private static StartCommand command(io.fitmesh.training.domain.Sport sport) {
    return new StartCommand("import-0001", sport, null, "Europe/Ljubljana", Visibility.EVERYONE, "Race");
  }

  /** A straight track north at {@code speed}, a record every {@code every} seconds. */
  private static void track(FitWriter file, Instant from, int seconds, int every, double speed, double alongM,
      int heartRate) {
    for (int i = 0; i < seconds; i += every) {
      double at = alongM + i * speed;
      file.record(from.plusSeconds(i), 46.0 + at / METRES_PER_DEGREE, 14.5, heartRate, null, null, null, null);
    }
  }

  private final class MapSamples implements SampleSource {
    @Override
    public List<TrackPoint> readAll(String workoutId) {
      return samples.getOrDefault(workoutId, List.of());
    }

    @Override
    public void write(String workoutId, List<TrackPoint> points) {
      samples.put(workoutId, points);
    }
  }

  private final class CountedEvents implements WorkoutEvents {
    @Override
    public PendingEvent completed(WorkoutRecord finished) {
      completed.add(finished.workoutId());
      return event(finished);
    }

    @Override
    public PendingEvent changed(WorkoutRecord changed) {
      return event(changed);
    }

    @Override
    public PendingEvent deleted(WorkoutRecord deleted) {
      return event(deleted);
    }

    @Override
    public void flush() {}

    private PendingEvent event(WorkoutRecord w) {
      return new EnvelopeEvent(EventEnvelope.newBuilder().setEventId(w.workoutId() + "-" + w.state())
          .setKey(w.athleteId()).build());
    }
  }

  private static final class NoSocial implements SocialGraph {
    @Override
    public Relationship relationship(String viewerId, String ownerId) {
      return new Relationship(false, false);
    }

    @Override
    public List<PrivacyZone> privacyZones(String ownerId) {
      return List.of();
    }
  }
}
