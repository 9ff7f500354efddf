package io.fitmesh.training.adapters;

import io.fitmesh.platform.events.EnvelopeEvent;
import static org.assertj.core.api.Assertions.assertThat;

import io.fitmesh.events.v1.EventEnvelope;
import io.fitmesh.platform.events.OutboxStore;
import io.fitmesh.training.domain.Sport;
import io.fitmesh.training.domain.Summary;
import io.fitmesh.training.domain.Visibility;
import io.fitmesh.training.domain.WorkoutPage;
import io.fitmesh.training.domain.WorkoutRecord;
import io.fitmesh.training.domain.WorkoutStore;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every workout store must do; run against the in-memory twin and real CQL. */
abstract class WorkoutStoreContract {
  private static final Instant START = Instant.parse("2026-11-20T07:00:00Z");

  abstract WorkoutStore store();

  abstract OutboxStore outbox();

  static WorkoutRecord workout(String athlete, String id, Instant start) {
    return new WorkoutRecord(id, athlete, Sport.RUN, start, ZoneId.of("Europe/Ljubljana"), Visibility.EVERYONE,
        WorkoutRecord.State.RECORDING, "t", WorkoutRecord.Source.RECORDED, null);
  }

  static EnvelopeEvent event(String key) {
    return new EnvelopeEvent(EventEnvelope.newBuilder().setEventId(UUID.randomUUID().toString())
        .setTopic("training.completed").setKey(key).build());
  }

  @Test
  void createIfAbsent_keepsTheFirstOwner() {
    String id = "w-" + UUID.randomUUID();
    WorkoutRecord first = store().createIfAbsent(workout("athlete-a", id, START));

    WorkoutRecord second = store().createIfAbsent(workout("athlete-b", id, START));

    assertThat(second.athleteId()).isEqualTo("athlete-a");
    assertThat(store().get(id)).contains(first);
  }

  @Test
  void finish_storesTheSummary_andItsEventInTheOutbox() {
    String athlete = "athlete-" + UUID.randomUUID();
    WorkoutRecord w = store().createIfAbsent(workout(athlete, "w-" + UUID.randomUUID(), START));
    Summary summary = new Summary(START.plusSeconds(60), 61, 180, 60, 60, 3, 3.2, 333, 5, 4, 150, 160,
        List.of(0.0, 0.0, 60.0, 0.0, 0.0), 0, 85, 15, List.of(new Summary.Split(1, 180, 60, 5)), List.of(), List.of(),
        new io.fitmesh.platform.geo.LatLon(46.05, 14.5),
        List.of(new io.fitmesh.platform.geo.LatLon(46.05, 14.5), new io.fitmesh.platform.geo.LatLon(46.06, 14.5)));
    EventEnvelope envelope = event(athlete).envelope();

    store().finish(w.finished(summary), new EnvelopeEvent(envelope));

    assertThat(store().get(w.workoutId()).orElseThrow().summary()).isEqualTo(summary);
    assertThat(store().listByAthlete(athlete, null, 10).workouts().get(0).summary()).isEqualTo(summary);
    assertThat(pendingEventIds()).contains(envelope.getEventId());
  }

  @Test
  void listByAthlete_pagesNewestFirst_acrossEqualStartTimes() {
    String athlete = "athlete-" + UUID.randomUUID();
    store().createIfAbsent(workout(athlete, "w-a-" + athlete, START));
    store().createIfAbsent(workout(athlete, "w-b-" + athlete, START));
    store().createIfAbsent(workout(athlete, "w-c-" + athlete, START.plusSeconds(3600)));
    store().createIfAbsent(workout("someone-else", "w-d-" + athlete, START.plusSeconds(7200)));

    WorkoutPage first = store().listByAthlete(athlete, null, 2);
    WorkoutPage second = store().listByAthlete(athlete, first.nextPosition(), 2);

    assertThat(first.workouts()).extracting(WorkoutRecord::workoutId).containsExactly("w-c-" + athlete, "w-a-" + athlete);
    assertThat(second.workouts()).extracting(WorkoutRecord::workoutId).containsExactly("w-b-" + athlete);
    assertThat(second.nextPosition()).isNull();
  }

  @Test
  void delete_removesItFromBothViews_andQueuesTheEvent() {
    String athlete = "athlete-" + UUID.randomUUID();
    WorkoutRecord w = store().createIfAbsent(workout(athlete, "w-" + UUID.randomUUID(), START));
    EventEnvelope envelope = event(athlete).envelope();

    store().delete(w, new EnvelopeEvent(envelope));

    assertThat(store().get(w.workoutId())).hasValueSatisfying(
        tomb -> assertThat(tomb.state()).isEqualTo(WorkoutRecord.State.DELETED));
    assertThat(store().listByAthlete(athlete, null, 10).workouts()).isEmpty();
    assertThat(pendingEventIds()).contains(envelope.getEventId());
  }

  @Test
  void aDeletedWorkoutsId_staysTakenByItsTombstone() {
    String id = "w-" + UUID.randomUUID();
    WorkoutRecord w = store().createIfAbsent(workout("athlete-a", id, START));
    store().delete(w, event("athlete-a"));

    WorkoutRecord again = store().createIfAbsent(workout("athlete-b", id, START));

    assertThat(again.state()).isEqualTo(WorkoutRecord.State.DELETED);
    assertThat(again.athleteId()).isEqualTo("athlete-a");
  }

  @Test
  void aFinishThatLandsAfterTheDelete_bringsNothingBack() {
    String athlete = "athlete-" + UUID.randomUUID();
    WorkoutRecord w = store().createIfAbsent(workout(athlete, "w-" + UUID.randomUUID(), START));
    store().delete(w, event(athlete));

    store().finish(w.finished(summary()), event(athlete));

    assertThat(store().get(w.workoutId()).orElseThrow().state()).isEqualTo(WorkoutRecord.State.DELETED);
    assertThat(store().listByAthlete(athlete, null, 10).workouts()).isEmpty();
  }

  @Test
  void update_changesBothViews_queuesItsEvent_andAfterADeleteBringsNothingBack() {
    String athlete = "athlete-" + UUID.randomUUID();
    WorkoutRecord w = store().createIfAbsent(workout(athlete, "w-" + UUID.randomUUID(), START));
    store().finish(w.finished(summary()), event(athlete));
    EventEnvelope changedEvent = event(athlete).envelope();

    store().update(store().get(w.workoutId()).orElseThrow().changed("Renamed", Visibility.ONLY_ME),
        new EnvelopeEvent(changedEvent));

    assertThat(store().get(w.workoutId()).orElseThrow().visibility()).isEqualTo(Visibility.ONLY_ME);
    assertThat(store().listByAthlete(athlete, null, 10).workouts().get(0).title()).isEqualTo("Renamed");
    assertThat(pendingEventIds()).contains(changedEvent.getEventId());
    store().delete(w, event(athlete));
    store().update(w.changed("Back?", Visibility.EVERYONE), null);
    assertThat(store().get(w.workoutId()).orElseThrow().state()).isEqualTo(WorkoutRecord.State.DELETED);
    assertThat(store().listByAthlete(athlete, null, 10).workouts()).isEmpty();
  }

  @Test
  void anImportBeingWritten_isNotListed_untilItIsFinished() {
    String athlete = "athlete-" + UUID.randomUUID();
    WorkoutRecord importing = store().createIfAbsent(new WorkoutRecord("w-" + UUID.randomUUID(), athlete, Sport.RUN,
        START, ZoneId.of("Europe/Ljubljana"), Visibility.EVERYONE, WorkoutRecord.State.RECORDING, "t",
        WorkoutRecord.Source.IMPORTED, null));

    assertThat(store().listByAthlete(athlete, null, 10).workouts()).isEmpty();
    store().finish(importing.finished(summary()), event(athlete));
    assertThat(store().listByAthlete(athlete, null, 10).workouts()).hasSize(1);
  }

  private static Summary summary() {
    return new Summary(START.plusSeconds(60), 61, 180, 60, 60, 3, 3.2, 333, 5, 4, 150, 160,
        List.of(0.0, 0.0, 60.0, 0.0, 0.0), 0, 85, 15, List.of(), List.of(), List.of(), null, List.of());
  }

  /** Event ids waiting in every shard of the outbox. */
  private List<String> pendingEventIds() {
    List<String> ids = new java.util.ArrayList<>();
    for (int shard = 0; shard < outbox().shards(); shard++) {
      outbox().pending(shard, null, Instant.EPOCH, null, 1000).forEach(p -> ids.add(p.envelope().getEventId()));
    }
    return ids;
  }
}
