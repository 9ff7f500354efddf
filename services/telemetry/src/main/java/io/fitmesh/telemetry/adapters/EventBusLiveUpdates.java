package io.fitmesh.telemetry.adapters;

import static java.util.Objects.requireNonNull;

import io.fitmesh.common.v1.LatLng;
import io.fitmesh.platform.events.EventBus;
import io.fitmesh.platform.grpc.ProtoTime;
import io.fitmesh.telemetry.domain.LiveState;
import io.fitmesh.telemetry.domain.LiveUpdates;
import io.fitmesh.training.v1.TrainingUpdated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes live states as training.updated, keyed by workout. Best effort: a lost update is replaced by the
 * next one, so a failed publish is logged, not retried.
 */
public final class EventBusLiveUpdates implements LiveUpdates {
  public static final String TOPIC = "training.updated";
  private static final Logger log = LoggerFactory.getLogger(EventBusLiveUpdates.class);

  private final EventBus bus;

  public EventBusLiveUpdates(EventBus bus) {
    this.bus = requireNonNull(bus, "bus");
  }

  @Override
  public void publish(LiveState state) {
    TrainingUpdated.Builder event = TrainingUpdated.newBuilder()
        .setWorkoutId(state.workoutId())
        .setAthleteId(state.athleteId())
        .setDurableThroughSeq(state.durableThroughSeq())
        .setSampleTime(ProtoTime.toTimestamp(state.sampleTime()))
        .setDistanceM(state.distanceM())
        .setElapsedS(state.elapsedS())
        .setSpeedMps(state.speedMps());
    if (state.heartRateBpm() != null) {
      event.setHeartRateBpm(state.heartRateBpm());
    }
    if (state.latitudeDeg() != null) {
      event.setPosition(LatLng.newBuilder().setLatitudeDeg(state.latitudeDeg()).setLongitudeDeg(state.longitudeDeg()));
    }
    bus.publish(TOPIC, state.workoutId(), event.build()).whenComplete((id, failure) -> {
      if (failure != null) {
        log.warn("training.updated for {} not published: {}", state.workoutId(), failure.getMessage());
      }
    });
  }
}
