package io.fitmesh.group.events;

import static java.util.Objects.requireNonNull;

import io.fitmesh.group.codec.GroupProtos;
import io.fitmesh.group.domain.ClubActivity;
import io.fitmesh.platform.events.Event;
import io.fitmesh.platform.events.EventSubscription;
import io.fitmesh.platform.runtime.PlatformRuntime;
import io.fitmesh.training.v1.TrainingChanged;
import io.fitmesh.training.v1.TrainingCompleted;
import io.fitmesh.training.v1.TrainingDeleted;
import java.util.List;

/** training.completed, training.changed and training.deleted (subscription "group") into the athlete's clubs. */
public final class TrainingEventsConsumer {
  public static final String SUBSCRIPTION = "group";

  private final ClubActivity activity;

  public TrainingEventsConsumer(ClubActivity activity) {
    this.activity = requireNonNull(activity, "activity");
  }

  public List<EventSubscription> subscribe(PlatformRuntime runtime) {
    return List.of(
        runtime.events().subscribe(runtime.subscription("training.completed", SUBSCRIPTION), e ->
            activity.onFinished(GroupProtos.workout(e.payload(TrainingCompleted.class).getWorkout()))),
        runtime.events().subscribe(runtime.subscription("training.changed", SUBSCRIPTION), e ->
            activity.onFinished(GroupProtos.workout(e.payload(TrainingChanged.class).getWorkout()))),
        runtime.events().subscribe(runtime.subscription("training.deleted", SUBSCRIPTION), this::onDeleted));
  }

  void onDeleted(Event event) {
    activity.onDeleted(event.payload(TrainingDeleted.class).getWorkoutId());
  }
}
