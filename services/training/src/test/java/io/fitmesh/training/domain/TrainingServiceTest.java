package io.fitmesh.training.domain;

import io.fitmesh.platform.domain.PendingEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fitmesh.platform.errors.DomainException;
import io.fitmesh.platform.events.InMemoryOutboxStore;
import io.fitmesh.events.v1.EventEnvelope;
import io.fitmesh.platform.events.EnvelopeEvent;
import io.fitmesh.training.adapters.InMemoryWorkoutStore;
import io.fitmesh.platform.geo.LatLon;
import io.fitmesh.platform.geo.PrivacyZone;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainingServiceTest {
  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
  private static final String ID = "workout-0001";

  private final InMemoryWorkoutStore store = new InMemoryWorkoutStore(new InMemoryOutboxStore());
  private final Map<String, List<TrackPoint>> samples = new HashMap<>();
  private int failingWrites;
  private final List<String> events = new ArrayList<>();
  /** "viewer>owner" for approved follows, "a|b" for blocks, and each owner's zones. */
  private final java.util.Set<String> follows = new java.util.HashSet<>();
  private final java.util.Set<String> blocks = new java.util.HashSet<>();
  private final Map<String, List<PrivacyZone>> zones = new HashMap<>();
  private final SocialGraph social = new SocialGraph() {
    @Override
    public Relationship relationship(String viewerId, String ownerId) {
      return new Relationship(follows.contains(viewerId + ">" + ownerId),
          blocks.contains(viewerId + "|" + ownerId) || blocks.contains(ownerId + "|" + viewerId));
    }

    @Override
    public List<PrivacyZone> privacyZones(String ownerId) {
      return zones.getOrDefault(ownerId, List.of());
    }
  };
  private final TrainingService service = new TrainingService(store, new SampleSource() {
    @Override
    public List<TrackPoint> readAll(String workoutId) {
      return samples.getOrDefault(workoutId, List.of());
    }

    @Override
    public void write(String workoutId, List<TrackPoint> points) {
      if (failingWrites > 0) {
        failingWrites--;
        throw DomainException.unavailable("telemetry service unavailable", null);
      }
      samples.put(workoutId, points);
    }
  }, new WorkoutEvents() {
    @Override
    public PendingEvent completed(WorkoutRecord finished) {
      events.add("completed " + finished.workoutId());
      return event(finished);
    }

    @Override
    public PendingEvent changed(WorkoutRecord changed) {
      events.add("changed " + changed.workoutId());
      return event(changed);
    }

    @Override
    public PendingEvent deleted(WorkoutRecord deleted) {
      events.add("deleted " + deleted.workoutId());
      return event(deleted);
    }

    @Override
    public void flush() {}
  }, social, Clock.fixed(NOW, ZoneOffset.UTC));

  private static PendingEvent event(WorkoutRecord w) {
    return new EnvelopeEvent(EventEnvelope.newBuilder().setEventId(w.workoutId() + "-" + w.state())
        .setKey(w.athleteId()).build());
  }

  private static StartCommand start(String id, Visibility visibility) {
    return new StartCommand(id, Sport.RUN, NOW.minusSeconds(3600), "Europe/Ljubljana", visibility, "Morning run");
  }

  private void recordSamples(String id) {
    List<TrackPoint> points = new ArrayList<>();
    for (int s = 0; s < 600; s++) {
      points.add(new TrackPoint(s, NOW.minusSeconds(3600 - s), 46.0 + s * 3 / 111_195.0, 14.5, 300.0, 150.0,
          null, null, null, null));
    }
    samples.put(id, points);
  }

  @Test
  void start_isIdempotentOnTheClientsId() {
    WorkoutRecord first = service.start("athlete-1", start(ID, Visibility.EVERYONE));
    WorkoutRecord again = service.start("athlete-1", start(ID, Visibility.ONLY_ME));

    assertThat(again).isEqualTo(first);
    assertThat(again.visibility()).isEqualTo(Visibility.EVERYONE);
  }

  @Test
  void start_withAnotherAthletesId_isAlreadyExists() {
    service.start("athlete-1", start(ID, Visibility.EVERYONE));

    assertThatThrownBy(() -> service.start("athlete-2", start(ID, Visibility.EVERYONE)))
        .isInstanceOf(DomainException.class)
        .extracting(e -> ((DomainException) e).kind()).isEqualTo(DomainException.Kind.ALREADY_EXISTS);
  }

  @Test
  void start_validatesItsFields() {
    assertThatThrownBy(() -> service.start("athlete-1",
        new StartCommand(ID, Sport.RUN, NOW, "Mars/Olympus", null, null))).hasMessageContaining("not an IANA zone");
    assertThatThrownBy(() -> service.start("athlete-1",
        new StartCommand(ID, Sport.RUN, NOW.plusSeconds(3600), "UTC", null, null))).hasMessageContaining("future");
    assertThatThrownBy(() -> service.start("athlete-1",
        new StartCommand("short", Sport.RUN, NOW, "UTC", null, null))).hasMessageContaining("workout_id");
    assertThatThrownBy(() -> service.start("athlete-1",
        new StartCommand(ID, Sport.RUN, NOW, "UTC", null, "x".repeat(201)))).hasMessageContaining("title");
  }

  @Test
  void finish_buildsTheSummaryFromStoredSamples_andAnnouncesItOnce() {
    service.start("athlete-1", start(ID, Visibility.EVERYONE));
    recordSamples(ID);

    WorkoutRecord finished = service.finish("athlete-1", ID);
    WorkoutRecord again = service.finish("athlete-1", ID);

    assertThat(finished.state()).isEqualTo(WorkoutRecord.State.FINISHED);
    assertThat(finished.summary().distanceM()).isBetween(1700.0, 1900.0);
    assertThat(again).isEqualTo(finished);
    assertThat(events).containsExactly("completed " + ID);
  }

  @Test
  void finish_withoutSamples_isAClearFailedPrecondition() {
    service.start("athlete-1", start(ID, Visibility.EVERYONE));

    assertThatThrownBy(() -> service.finish("athlete-1", ID))
        .hasMessage("workout " + ID + " has no samples to finish with");
    assertThat(events).isEmpty();
  }

  @Test
  void anotherAthletesOnlyMeWorkout_isNotFound_everyoneWorkoutIsVisible() {
    service.start("athlete-1", start(ID, Visibility.ONLY_ME));
    service.start("athlete-1", start("workout-0002", Visibility.EVERYONE));

    assertThatThrownBy(() -> service.get("athlete-2", ID)).hasMessage("no workout " + ID);
    assertThat(service.get("athlete-2", "workout-0002").athleteId()).isEqualTo("athlete-1");
  }

  @Test
  void aFollowersWorkout_isSeenByApprovedFollowersOnly_andABlockHidesEvenAnEveryoneWorkout() {
    service.start("athlete-1", start(ID, Visibility.FOLLOWERS));
    service.start("athlete-1", start("workout-0002", Visibility.EVERYONE));
    follows.add("follower>athlete-1");
    blocks.add("athlete-1|blocked");

    assertThat(service.get("follower", ID).workoutId()).isEqualTo(ID);
    assertThatThrownBy(() -> service.get("stranger", ID)).hasMessage("no workout " + ID);
    assertThatThrownBy(() -> service.get("blocked", "workout-0002")).hasMessage("no workout workout-0002");
  }

  @Test
  void othersSeeTheRouteWithoutThePointsInsideThePrivacyZones_theAthleteSeesItWhole() {
    service.start("athlete-1", start(ID, Visibility.EVERYONE));
    recordSamples(ID);
    service.finish("athlete-1", ID);
    LatLon start = new LatLon(46.0, 14.5);
    zones.put("athlete-1", List.of(new PrivacyZone(start, 300)));

    WorkoutRecord whole = service.get("athlete-1", ID);
    WorkoutRecord seen = service.get("athlete-2", ID);

    assertThat(whole.summary().startPosition()).isEqualTo(start);
    assertThat(whole.summary().route()).anyMatch(p -> p.metersTo(start) <= 300);
    assertThat(seen.summary().route()).isNotEmpty().allMatch(p -> p.metersTo(start) > 300);
    assertThat(seen.summary().startPosition().metersTo(start)).isGreaterThan(300);
    assertThat(seen.summary().distanceM()).isEqualTo(whole.summary().distanceM());
  }

  @Test
  void narrowingAFinishedWorkout_isAnnounced_andARecordingOneChangesQuietly() {
    service.start("athlete-1", start(ID, Visibility.EVERYONE));
    service.start("athlete-1", start("workout-0002", Visibility.EVERYONE));
    recordSamples(ID);
    service.finish("athlete-1", ID);

    WorkoutRecord narrowed = service.update("athlete-1", ID, null, Visibility.ONLY_ME);
    service.update("athlete-1", ID, null, Visibility.ONLY_ME);
    service.update("athlete-1", "workout-0002", "Evening run", null);

    assertThat(narrowed.visibility()).isEqualTo(Visibility.ONLY_ME);
    assertThat(narrowed.title()).isEqualTo("Morning run");
    assertThat(service.get("athlete-1", "workout-0002").title()).isEqualTo("Evening run");
    assertThat(events).containsExactly("completed " + ID, "changed " + ID);
    assertThatThrownBy(() -> service.get("athlete-2", ID)).hasMessage("no workout " + ID);
    assertThatThrownBy(() -> service.update("athlete-2", "workout-0002", "mine", null))
        .hasMessageContaining("belongs to another athlete");
  }

  @Test
  void samplesForAnotherAthletesWorkout_arePermissionDenied() {
    service.start("athlete-1", start(ID, Visibility.ONLY_ME));

    assertThatThrownBy(() -> service.authorizeSampleWrite("athlete-2", ID))
        .extracting(e -> ((DomainException) e).kind()).isEqualTo(DomainException.Kind.PERMISSION_DENIED);
    assertThatThrownBy(() -> service.authorizeSampleWrite("athlete-1", "workout-none"))
        .extracting(e -> ((DomainException) e).kind()).isEqualTo(DomainException.Kind.NOT_FOUND);
  }

  @Test
  void delete_removesTheWorkout_andAnnouncesIt_onlyForTheOwner() {
    service.start("athlete-1", start(ID, Visibility.ONLY_ME));

    assertThatThrownBy(() -> service.delete("athlete-2", ID)).hasMessage("no workout " + ID);
    service.delete("athlete-1", ID);

    assertThatThrownBy(() -> service.get("athlete-1", ID)).hasMessage("no workout " + ID);
    assertThat(events).containsExactly("deleted " + ID);
  }

  @Test
  void finish_ofAWorkoutOverlappingAnother_flagsTheOverlap() {
    service.start("athlete-1", start(ID, Visibility.EVERYONE));
    recordSamples(ID);
    service.finish("athlete-1", ID);
    service.start("athlete-1", start("workout-0002", Visibility.EVERYONE));
    recordSamples("workout-0002");

    WorkoutRecord second = service.finish("athlete-1", "workout-0002");

    assertThat(second.summary().flags()).singleElement()
        .satisfies(f -> assertThat(f.reason()).contains("overlaps workout " + ID));
  }

  @Test
  void finish_ofAnImplausibleRun_keepsItWithTheReasons() {
    service.start("athlete-1", start(ID, Visibility.EVERYONE));
    List<TrackPoint> car = new ArrayList<>();
    for (int s = 0; s < 600; s++) {
      car.add(new TrackPoint(s, NOW.minusSeconds(3600 - s), 46.0 + s * 20 / 111_195.0, 14.5, null, null, null,
          null, null, null));
    }
    samples.put(ID, car);

    WorkoutRecord finished = service.finish("athlete-1", ID);

    assertThat(finished.summary().isFlagged()).isTrue();
    assertThat(finished.summary().flags()).extracting(PlausibilityCheck.Flag::rule).contains("speed");
  }

  @Test
  void list_pagesNewestFirst() {
    for (int i = 0; i < 5; i++) {
      service.start("athlete-1", new StartCommand("workout-000" + i, Sport.RUN, NOW.minusSeconds(1000 - i * 100L),
          "UTC", null, null));
    }

    WorkoutPage first = service.list("athlete-1", null, 2);
    WorkoutPage second = service.list("athlete-1", first.nextPosition(), 2);
    WorkoutPage last = service.list("athlete-1", second.nextPosition(), 2);

    assertThat(first.workouts()).extracting(WorkoutRecord::workoutId).containsExactly("workout-0004", "workout-0003");
    assertThat(second.workouts()).extracting(WorkoutRecord::workoutId).containsExactly("workout-0002", "workout-0001");
    assertThat(last.workouts()).extracting(WorkoutRecord::workoutId).containsExactly("workout-0000");
    assertThat(last.nextPosition()).isNull();
  }

  @Test
  void aDeletedWorkoutsId_cannotBeTakenAgain_byAnyone() {
    service.start("athlete-1", start(ID, Visibility.EVERYONE));
    service.delete("athlete-1", ID);

    for (String athlete : List.of("athlete-1", "athlete-2")) {
      assertThatThrownBy(() -> service.start(athlete, start(ID, Visibility.ONLY_ME)))
          .isInstanceOfSatisfying(DomainException.class,
              e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.ALREADY_EXISTS))
          .hasMessageContaining("deleted");
    }
    assertThatThrownBy(() -> service.authorizeSampleWrite("athlete-1", ID))
        .extracting(e -> ((DomainException) e).kind()).isEqualTo(DomainException.Kind.NOT_FOUND);
    assertThatThrownBy(() -> service.finish("athlete-1", ID))
        .extracting(e -> ((DomainException) e).kind()).isEqualTo(DomainException.Kind.NOT_FOUND);
  }

  @Test
  void anImportWithTheIdOfARecordingWorkout_isAlreadyExists_andTakesNothingAway() {
    service.start("athlete-1", start(ID, Visibility.EVERYONE));
    recordSamples(ID);
    List<TrackPoint> recorded = samples.get(ID);

    assertThatThrownBy(() -> service.importWorkout("athlete-1", start(ID, Visibility.EVERYONE), recorded.subList(0, 10)))
        .isInstanceOfSatisfying(DomainException.class,
            e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.ALREADY_EXISTS));

    assertThat(service.get("athlete-1", ID).state()).isEqualTo(WorkoutRecord.State.RECORDING);
    assertThat(samples.get(ID)).isSameAs(recorded);
    assertThat(events).isEmpty();
  }

  @Test
  void aFailedImport_leavesNothingVisible_andTheSameIdCanBeImportedAgain() {
    recordSamples("source-1");
    List<TrackPoint> file = samples.remove("source-1");
    failingWrites = 1;

    assertThatThrownBy(() -> service.importWorkout("athlete-1", start(ID, Visibility.EVERYONE), file))
        .isInstanceOf(DomainException.class);
    assertThatThrownBy(() -> service.get("athlete-1", ID)).hasMessage("no workout " + ID);
    assertThat(service.list("athlete-1", null, 10).workouts()).isEmpty();

    WorkoutRecord imported = service.importWorkout("athlete-1", start(ID, Visibility.EVERYONE), file);
    assertThat(imported.state()).isEqualTo(WorkoutRecord.State.FINISHED);
    assertThat(events).containsExactly("completed " + ID);
  }
}
