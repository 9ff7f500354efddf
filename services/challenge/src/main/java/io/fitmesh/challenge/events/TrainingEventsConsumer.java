package io.fitmesh.challenge.events;

import static java.util.Objects.requireNonNull;

import io.fitmesh.challenge.codec.ChallengeProtos;
import io.fitmesh.challenge.domain.ChallengeService;
import io.fitmesh.challenge.domain.FinishedWorkout;
import io.fitmesh.platform.events.Event;
import io.fitmesh.platform.events.EventSubscription;
import io.fitmesh.platform.runtime.PlatformRuntime;
import io.fitmesh.training.v1.TrainingCompleted;
import io.fitmesh.training.v1.TrainingDeleted;
import java.util.List;

/**
 * training.completed and training.deleted (subscription "challenge", keyed by athlete, so instances split
 * athletes between them) into the progress of the challenges the athlete joined.
 */
public final class TrainingEventsConsumer {
  private final ChallengeService challenges;

  public TrainingEventsConsumer(ChallengeService challenges) {
    this.challenges = requireNonNull(challenges, "challenges");
  }

  /** Starts consuming both topics on the runtime's bus as {@code subscription}. */
  public List<EventSubscription> subscribe(PlatformRuntime runtime, String subscription) {
    return List.of(
        runtime.events().subscribe(runtime.subscription("training.completed", subscription), this::onCompleted),
        runtime.events().subscribe(runtime.subscription("training.deleted", subscription), this::onDeleted));
  }

  void onCompleted(Event event) {
    FinishedWorkout workout = ChallengeProtos.finished(event.payload(TrainingCompleted.class).getWorkout());
    if (workout != null) {
      challenges.onWorkoutCompleted(workout);
    }
  }

  void onDeleted(Event event) {
    TrainingDeleted deleted = event.payload(TrainingDeleted.class);
    challenges.onWorkoutDeleted(deleted.getAthleteId(), deleted.getWorkoutId());
  }
}
