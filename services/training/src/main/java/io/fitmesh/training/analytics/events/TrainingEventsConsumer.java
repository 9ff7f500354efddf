package io.fitmesh.training.analytics.events;

import static java.util.Objects.requireNonNull;

import io.fitmesh.platform.events.Event;
import io.fitmesh.platform.events.EventSubscription;
import io.fitmesh.platform.runtime.PlatformRuntime;
import io.fitmesh.training.analytics.domain.AnalyticsService;
import io.fitmesh.training.codec.WorkoutProtos;
import io.fitmesh.training.v1.TrainingCompleted;
import io.fitmesh.training.v1.TrainingDeleted;
import java.util.List;

/** training.completed and training.deleted (subscription "analytics") into the athlete's aggregates. */
public final class TrainingEventsConsumer {
  public static final String SUBSCRIPTION = "analytics";

  private final AnalyticsService analytics;

  public TrainingEventsConsumer(AnalyticsService analytics) {
    this.analytics = requireNonNull(analytics, "analytics");
  }

  /** Starts consuming both topics on the runtime's bus. */
  public List<EventSubscription> subscribe(PlatformRuntime runtime) {
    return List.of(
        runtime.events().subscribe(runtime.subscription("training.completed", SUBSCRIPTION), this::onCompleted),
        runtime.events().subscribe(runtime.subscription("training.deleted", SUBSCRIPTION), this::onDeleted));
  }

  void onCompleted(Event event) {
    analytics.onCompleted(WorkoutProtos.toDomain(event.payload(TrainingCompleted.class).getWorkout()));
  }

  void onDeleted(Event event) {
    TrainingDeleted deleted = event.payload(TrainingDeleted.class);
    analytics.onDeleted(deleted.getAthleteId(), deleted.getWorkoutId());
  }
}
