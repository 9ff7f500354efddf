package io.fitmesh.training.adapters;

import io.fitmesh.platform.events.EnvelopeEvent;
import static java.util.Objects.requireNonNull;

import io.fitmesh.platform.events.EventBus;
import io.fitmesh.platform.events.OutboxRelay;
import io.fitmesh.platform.domain.PendingEvent;
import io.fitmesh.training.domain.WorkoutEvents;
import io.fitmesh.training.domain.WorkoutRecord;
import io.fitmesh.training.codec.WorkoutProtos;
import io.fitmesh.training.v1.TrainingChanged;
import io.fitmesh.training.v1.TrainingCompleted;
import io.fitmesh.training.v1.TrainingDeleted;

/** training.completed, training.changed and training.deleted, keyed by athlete, sent through the outbox relay. */
public final class OutboxWorkoutEvents implements WorkoutEvents {
  public static final String COMPLETED = "training.completed";
  public static final String CHANGED = "training.changed";
  public static final String DELETED = "training.deleted";

  private final EventBus bus;
  private final OutboxRelay relay;

  public OutboxWorkoutEvents(EventBus bus, OutboxRelay relay) {
    this.bus = requireNonNull(bus, "bus");
    this.relay = requireNonNull(relay, "relay");
  }

  @Override
  public PendingEvent completed(WorkoutRecord finished) {
    return new EnvelopeEvent(bus.envelope(COMPLETED, finished.athleteId(),
        TrainingCompleted.newBuilder().setWorkout(WorkoutProtos.toProto(finished)).build()));
  }

  @Override
  public PendingEvent changed(WorkoutRecord changed) {
    return new EnvelopeEvent(bus.envelope(CHANGED, changed.athleteId(),
        TrainingChanged.newBuilder().setWorkout(WorkoutProtos.toProto(changed)).build()));
  }

  @Override
  public PendingEvent deleted(WorkoutRecord deleted) {
    return new EnvelopeEvent(bus.envelope(DELETED, deleted.athleteId(), TrainingDeleted.newBuilder()
        .setWorkoutId(deleted.workoutId()).setAthleteId(deleted.athleteId()).build()));
  }

  @Override
  public void flush() {
    relay.nudge();
  }
}
