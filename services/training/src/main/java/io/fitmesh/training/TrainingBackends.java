package io.fitmesh.training;

import io.fitmesh.platform.events.InMemoryOutboxStore;
import io.fitmesh.platform.events.OutboxStore;
import io.fitmesh.platform.runtime.PlatformRuntime;
import io.fitmesh.platform.storage.ScyllaOutboxStore;
import io.fitmesh.training.adapters.InMemoryWorkoutStore;
import io.fitmesh.training.adapters.ScyllaWorkoutStore;
import io.fitmesh.training.analytics.adapters.InMemoryAnalyticsStore;
import io.fitmesh.training.analytics.adapters.InMemoryChallengeStatsStore;
import io.fitmesh.training.analytics.adapters.ScyllaAnalyticsStore;
import io.fitmesh.training.analytics.adapters.ScyllaChallengeStatsStore;
import io.fitmesh.training.analytics.domain.AnalyticsStore;
import io.fitmesh.training.analytics.domain.ChallengeStatsStore;
import io.fitmesh.training.domain.WorkoutStore;

/**
 * The training service's stores as the runtime's backends make them: CQL (keyspace fitmesh_training, schema
 * applied here) or the in-memory twins in embedded mode. The one place that picks adapters.
 */
record TrainingBackends(WorkoutStore workouts, OutboxStore outbox, AnalyticsStore analytics,
    ChallengeStatsStore challengeStats) {

  static TrainingBackends open(PlatformRuntime runtime) {
    return runtime.cql().map(session -> {
      String keyspace = runtime.migrateCql(TrainingDeployable.NAME);
      ScyllaOutboxStore outbox = new ScyllaOutboxStore(session, keyspace);
      return new TrainingBackends(new ScyllaWorkoutStore(session, keyspace, outbox), outbox,
          new ScyllaAnalyticsStore(session, keyspace), new ScyllaChallengeStatsStore(session, keyspace));
    }).orElseGet(() -> {
      InMemoryOutboxStore outbox = new InMemoryOutboxStore();
      return new TrainingBackends(new InMemoryWorkoutStore(outbox), outbox, new InMemoryAnalyticsStore(),
          new InMemoryChallengeStatsStore());
    });
  }
}
