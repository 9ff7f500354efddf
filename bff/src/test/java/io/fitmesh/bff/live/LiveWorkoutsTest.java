package io.fitmesh.bff.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fitmesh.bff.BffSettings;
import io.fitmesh.bff.v1.WatchWorkoutResponse;
import io.fitmesh.platform.errors.DomainException;
import io.fitmesh.platform.events.EventTracing;
import io.fitmesh.platform.events.InMemoryEventBus;
import io.fitmesh.training.v1.TrainingUpdated;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Clock;
import java.time.Duration;
import io.fitmesh.common.v1.LatLng;
import io.fitmesh.platform.geo.LatLon;
import io.fitmesh.platform.geo.PrivacyZone;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LiveWorkoutsTest {
  private final InMemoryEventBus bus = new InMemoryEventBus(new EventTracing(OpenTelemetry.noop(), "test"),
      Clock.systemUTC());
  private LiveWorkouts live;

  private LiveWorkouts live(Duration recheck, Duration lifetime) {
    live = new LiveWorkouts(bus, new BffSettings(recheck, lifetime, 1000, 10));
    return live;
  }

  @AfterEach
  void close() {
    live.close();
    bus.close();
  }

  private void publish(String athleteId, String workoutId, long seq) {
    bus.publish("training.updated", workoutId, TrainingUpdated.newBuilder().setWorkoutId(workoutId)
        .setAthleteId(athleteId).setDurableThroughSeq(seq).setHeartRateBpm(140).build()).join();
  }

  @Test
  void anUpdateOfAnotherOwnersWorkoutWithTheSameId_neverReachesTheWatcher() {
    RecordingCall carol = new RecordingCall();
    live(Duration.ofMinutes(1), Duration.ofHours(1)).watch("carol", "alice", "w-shared-0001", carol, List::of);

    publish("bob", "w-shared-0001", 5);
    publish("alice", "w-shared-0001", 1);

    await().atMost(Duration.ofSeconds(10)).until(() -> carol.messages.size() == 1);
    assertThat(carol.messages.get(0).getState().getAthleteId()).isEqualTo("alice");
  }

  @Test
  void aWatchEnds_whenTheWorkoutIsNoLongerVisible() {
    RecordingCall carol = new RecordingCall();
    AtomicBoolean visible = new AtomicBoolean(true);
    live(Duration.ofMillis(200), Duration.ofHours(1)).watch("carol", "alice", "w-private-001", carol, () -> {
      if (!visible.get()) {
        throw DomainException.notFound("no workout w-private-001");
      }
      return List.of();
    });

    visible.set(false);

    await().atMost(Duration.ofSeconds(10)).until(() -> carol.ended != null);
    assertThat(carol.ended.getCode()).isEqualTo(Status.Code.NOT_FOUND);
  }

  @Test
  void aPositionInsideTheOwnersPrivacyZone_isNotSentToAWatcher() {
    RecordingCall carol = new RecordingCall();
    PrivacyZone home = new PrivacyZone(new LatLon(46.05, 14.5), 300);
    live(Duration.ofMinutes(1), Duration.ofHours(1)).watch("carol", "alice", "w-zoned-0001", carol,
        () -> List.of(home));

    for (double[] p : new double[][] {{46.0501, 14.5}, {46.06, 14.5}}) {
      bus.publish("training.updated", "w-zoned-0001", TrainingUpdated.newBuilder().setWorkoutId("w-zoned-0001")
          .setAthleteId("alice").setDurableThroughSeq(p[0] < 46.055 ? 1 : 2).setPosition(LatLng.newBuilder()
              .setLatitudeDeg(p[0]).setLongitudeDeg(p[1])).build()).join();
      long seq = p[0] < 46.055 ? 1 : 2;
      await().atMost(Duration.ofSeconds(10)).until(() -> !carol.messages.isEmpty()
          && carol.messages.get(carol.messages.size() - 1).getState().getDurableThroughSeq() == seq);
    }

    assertThat(carol.messages.get(0).getState().hasPosition()).as("at home").isFalse();
    assertThat(carol.messages.get(carol.messages.size() - 1).getState().getPosition().getLatitudeDeg())
        .isEqualTo(46.06);
  }

  @Test
  void aWatchEnds_atItsMaximumLifetime() {
    RecordingCall carol = new RecordingCall();

    live(Duration.ofMinutes(1), Duration.ofMillis(300)).watch("carol", "alice", "w-long-00001", carol, List::of);

    await().atMost(Duration.ofSeconds(10)).until(() -> carol.ended != null);
    assertThat(carol.ended.getCode()).isEqualTo(Status.Code.UNAVAILABLE);
  }

  /** A server stream that records what it is sent. */
  private static final class RecordingCall extends ServerCallStreamObserver<WatchWorkoutResponse> {
    final List<WatchWorkoutResponse> messages = new CopyOnWriteArrayList<>();
    volatile Status ended;

    @Override
    public boolean isCancelled() {
      return false;
    }

    @Override
    public void setOnCancelHandler(Runnable onCancelHandler) {}

    @Override
    public void setCompression(String compression) {}

    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public void setOnReadyHandler(Runnable onReadyHandler) {}

    @Override
    public void disableAutoInboundFlowControl() {}

    @Override
    public void request(int count) {}

    @Override
    public void setMessageCompression(boolean enable) {}

    @Override
    public void onNext(WatchWorkoutResponse value) {
      messages.add(value);
    }

    @Override
    public void onError(Throwable t) {
      ended = Status.fromThrowable(t);
    }

    @Override
    public void onCompleted() {
      ended = Status.OK;
    }
  }
}
