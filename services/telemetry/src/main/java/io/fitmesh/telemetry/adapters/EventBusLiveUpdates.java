package io.fitmesh.telemetry.adapters;

import static java.util.Objects.requireNonNull;

import io.fitmesh.common.v1.LatLng;
import io.fitmesh.platform.events.BestEffortPublisher;
import io.fitmesh.platform.events.EventBus;
import io.fitmesh.platform.grpc.ProtoTime;
import io.fitmesh.telemetry.domain.LiveState;
import io.fitmesh.telemetry.domain.LiveUpdates;
import io.fitmesh.training.v1.TrainingUpdated;

/**
 * Publishes live states as training.updated, keyed by workout, through a {@link BestEffortPublisher}: never in the
 * way of ingest, and a lost update is replaced by the next one, so failures are logged, not retried.
 */
public final class EventBusLiveUpdates implements LiveUpdates, AutoCloseable {
  public static final String TOPIC = "training.updated";

  private final BestEffortPublisher publisher;

  public EventBusLiveUpdates(EventBus bus) {
    this.publisher = new BestEffortPublisher(requireNonNull(bus, "bus"), "live-updates");
  }

  @Override
  public void close() {
    publisher.close();
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
    publisher.publish(TOPIC, state.workoutId(), event.build());
  }
}
