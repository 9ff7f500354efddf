package io.fitmesh.telemetry.adapters;

import static java.util.Objects.requireNonNull;

import io.fitmesh.common.v1.LatLng;
import io.fitmesh.platform.events.EventBus;
import io.fitmesh.platform.grpc.ProtoTime;
import io.fitmesh.telemetry.domain.LiveState;
import io.fitmesh.telemetry.domain.LiveUpdates;
import io.fitmesh.training.v1.TrainingUpdated;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes live states as training.updated, keyed by workout. Best effort and never in the way of ingest:
 * states are handed to one publishing thread through a bounded queue (dropped when it is full, as when the
 * broker is down), and a lost update is replaced by the next one, so failures are logged, not retried.
 */
public final class EventBusLiveUpdates implements LiveUpdates, AutoCloseable {
  public static final String TOPIC = "training.updated";
  private static final Logger log = LoggerFactory.getLogger(EventBusLiveUpdates.class);
  private static final int QUEUE = 10_000;

  private final EventBus bus;
  private final ThreadPoolExecutor publisher = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
      new ArrayBlockingQueue<>(QUEUE), r -> {
        Thread t = new Thread(r, "live-updates");
        t.setDaemon(true);
        return t;
      }, new ThreadPoolExecutor.DiscardPolicy());

  public EventBusLiveUpdates(EventBus bus) {
    this.bus = requireNonNull(bus, "bus");
  }

  @Override
  public void publish(LiveState state) {
    publisher.execute(() -> send(state));
  }

  @Override
  public void close() {
    publisher.shutdownNow();
  }

  private void send(LiveState state) {
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
    try {
      bus.publish(TOPIC, state.workoutId(), event.build()).join();
    } catch (RuntimeException e) {
      log.warn("training.updated for {} not published: {}", state.workoutId(), e.getMessage());
    }
  }
}
