package io.fitmesh.telemetry.events;

import static java.util.Objects.requireNonNull;

import io.fitmesh.platform.events.EventSubscription;
import io.fitmesh.platform.events.SubscriptionSpec;
import io.fitmesh.platform.runtime.PlatformRuntime;
import io.fitmesh.telemetry.domain.IngestService;
import io.fitmesh.training.v1.TrainingCompleted;
import io.fitmesh.training.v1.TrainingDeleted;
import java.util.List;
import java.util.UUID;

/**
 * training.completed and training.deleted on ephemeral subscriptions of this instance (every instance hears every
 * event): the workout's cached access is forgotten, so no instance takes samples of it for long afterwards.
 */
public final class ClosedWorkoutsConsumer {
  private final IngestService ingest;

  public ClosedWorkoutsConsumer(IngestService ingest) {
    this.ingest = requireNonNull(ingest, "ingest");
  }

  public List<EventSubscription> subscribe(PlatformRuntime runtime) {
    String instance = "telemetry-access-" + UUID.randomUUID();
    return List.of(
        runtime.events().subscribe(SubscriptionSpec.ephemeral("training.completed", instance),
            e -> ingest.forgetAccess(e.payload(TrainingCompleted.class).getWorkout().getWorkoutId())),
        runtime.events().subscribe(SubscriptionSpec.ephemeral("training.deleted", instance),
            e -> ingest.forgetAccess(e.payload(TrainingDeleted.class).getWorkoutId())));
  }
}
