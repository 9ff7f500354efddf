package io.fitmesh.reco.events;

import static java.util.Objects.requireNonNull;

import io.fitmesh.platform.events.EventSubscription;
import io.fitmesh.platform.runtime.PlatformRuntime;
import io.fitmesh.reco.codec.RecoProtos;
import io.fitmesh.reco.domain.GearLocker;
import io.fitmesh.reco.domain.Sport;
import io.fitmesh.training.v1.TrainingCompleted;
import io.fitmesh.training.v1.TrainingDeleted;
import io.fitmesh.training.v1.Workout;
import java.util.List;

/** training.completed and training.deleted (subscription "reco") into the distance of the athlete's gear. */
public final class TrainingEventsConsumer {
  public static final String SUBSCRIPTION = "reco";

  private final GearLocker gear;

  public TrainingEventsConsumer(GearLocker gear) {
    this.gear = requireNonNull(gear, "gear");
  }

  public List<EventSubscription> subscribe(PlatformRuntime runtime) {
    return List.of(
        runtime.events().subscribe(runtime.subscription("training.completed", SUBSCRIPTION), e -> {
          Workout w = e.payload(TrainingCompleted.class).getWorkout();
          Sport sport = RecoProtos.sport(w.getSport());
          if (sport != null) {
            gear.onCompleted(w.getAthleteId(), w.getWorkoutId(), sport, w.getSummary().getDistanceM(), w.getGearId());
          }
        }),
        runtime.events().subscribe(runtime.subscription("training.deleted", SUBSCRIPTION), e -> {
          TrainingDeleted deleted = e.payload(TrainingDeleted.class);
          gear.onDeleted(deleted.getAthleteId(), deleted.getWorkoutId());
        }));
  }
}
