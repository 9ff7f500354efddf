package io.fitmesh.social.events;

import static java.util.Objects.requireNonNull;

import io.fitmesh.platform.events.Event;
import io.fitmesh.platform.events.EventSubscription;
import io.fitmesh.platform.runtime.PlatformRuntime;
import io.fitmesh.social.codec.SocialProtos;
import io.fitmesh.social.domain.FanOut;
import io.fitmesh.training.v1.TrainingChanged;
import io.fitmesh.training.v1.TrainingCompleted;
import io.fitmesh.training.v1.TrainingDeleted;
import java.util.List;

/**
 * training.completed, training.changed and training.deleted (subscription "social", keyed by athlete) into
 * activities and fan-out.
 */
public final class TrainingEventsConsumer {
  public static final String SUBSCRIPTION = "social";

  private final FanOut fanOut;

  public TrainingEventsConsumer(FanOut fanOut) {
    this.fanOut = requireNonNull(fanOut, "fanOut");
  }

  public List<EventSubscription> subscribe(PlatformRuntime runtime) {
    return List.of(
        runtime.events().subscribe(runtime.subscription("training.completed", SUBSCRIPTION), this::onCompleted),
        runtime.events().subscribe(runtime.subscription("training.changed", SUBSCRIPTION), this::onChanged),
        runtime.events().subscribe(runtime.subscription("training.deleted", SUBSCRIPTION), this::onDeleted));
  }

  void onCompleted(Event event) {
    fanOut.onCompleted(SocialProtos.activity(event.payload(TrainingCompleted.class).getWorkout()));
  }

  void onChanged(Event event) {
    fanOut.onChanged(SocialProtos.activity(event.payload(TrainingChanged.class).getWorkout()));
  }

  void onDeleted(Event event) {
    TrainingDeleted deleted = event.payload(TrainingDeleted.class);
    fanOut.onDeleted(deleted.getAthleteId(), deleted.getWorkoutId());
  }
}
