package io.fitmesh.telemetry.events;

import static java.util.Objects.requireNonNull;

import io.fitmesh.platform.events.Event;
import io.fitmesh.platform.events.EventSubscription;
import io.fitmesh.platform.runtime.PlatformRuntime;
import io.fitmesh.telemetry.domain.IngestService;
import io.fitmesh.training.v1.TrainingDeleted;

/** training.deleted (subscription "telemetry"): a deleted workout's samples and cursor are purged. */
public final class DeletedWorkoutsConsumer {
  public static final String TOPIC = "training.deleted";

  private final IngestService ingest;

  public DeletedWorkoutsConsumer(IngestService ingest) {
    this.ingest = requireNonNull(ingest, "ingest");
  }

  /** Starts consuming on the runtime's bus as {@code subscription}. */
  public EventSubscription subscribe(PlatformRuntime runtime, String subscription) {
    return runtime.events().subscribe(runtime.subscription(TOPIC, subscription), this::onDeleted);
  }

  void onDeleted(Event event) {
    ingest.purge(event.payload(TrainingDeleted.class).getWorkoutId());
  }
}
