package io.fitmesh.training.analytics.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import io.fitmesh.training.analytics.domain.AnalyticsStore;
import io.fitmesh.training.domain.Sport;
import io.fitmesh.training.domain.Summary;
import io.fitmesh.training.domain.Visibility;
import io.fitmesh.training.domain.WorkoutRecord;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every analytics store must do; run against the in-memory twin and real CQL. */
abstract class AnalyticsStoreContract {
  private static final Instant START = Instant.parse("2026-11-20T07:00:00Z");

  abstract AnalyticsStore store();

  static WorkoutRecord finished(String athlete, String id, double distanceM) {
    Summary summary = new Summary(START.plusSeconds(1800), 1800, distanceM, 1800, 1700, distanceM / 1700, 4, 300,
        10, 10, 150, 170, List.of(0.0, 0.0, 1700.0, 0.0, 0.0), 0, 0, 400, List.of(), List.of(), List.of(), null, List.of());
    return new WorkoutRecord(id, athlete, Sport.RUN, START, ZoneId.of("Europe/Ljubljana"), Visibility.EVERYONE,
        WorkoutRecord.State.FINISHED, "t", WorkoutRecord.Source.RECORDED, summary);
  }

  @Test
  void upsert_isIdempotent_andKeepsTheLatestForm() {
    String athlete = "a-" + UUID.randomUUID();
    store().upsert(finished(athlete, "w-1", 5000));
    store().upsert(finished(athlete, "w-1", 5000));
    store().upsert(finished(athlete, "w-1", 5200));

    List<WorkoutRecord> all = store().all(athlete);

    assertThat(all).hasSize(1);
    assertThat(all.get(0).summary().distanceM()).isEqualTo(5200);
    assertThat(all.get(0)).usingRecursiveComparison().isEqualTo(finished(athlete, "w-1", 5200));
  }

  @Test
  void remove_takesOneWorkoutOut_andIsIdempotent() {
    String athlete = "a-" + UUID.randomUUID();
    store().upsert(finished(athlete, "w-1", 5000));
    store().upsert(finished(athlete, "w-2", 7000));

    store().remove(athlete, "w-1");
    store().remove(athlete, "w-1");

    assertThat(store().all(athlete)).extracting(WorkoutRecord::workoutId).containsExactly("w-2");
  }

  @Test
  void aWorkoutCompletedAgainAfterItsDeletion_staysDeleted() {
    String athlete = "a-" + UUID.randomUUID();
    store().upsert(finished(athlete, "w-1", 5000));
    store().remove(athlete, "w-1");
    store().remove(athlete, "w-2");

    store().upsert(finished(athlete, "w-1", 5000));
    store().upsert(finished(athlete, "w-2", 7000));

    assertThat(store().all(athlete)).as("a redelivered completion, or one that arrives after its deletion").isEmpty();
  }

  @Test
  void athletes_doNotSeeEachOthersWorkouts() {
    String ana = "a-" + UUID.randomUUID();
    String bob = "b-" + UUID.randomUUID();
    store().upsert(finished(ana, "w-1", 5000));

    assertThat(store().all(bob)).isEmpty();
    assertThat(store().all(ana)).hasSize(1);
  }
}
