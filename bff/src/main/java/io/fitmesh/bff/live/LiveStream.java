package io.fitmesh.bff.live;

import io.fitmesh.bff.v1.WatchWorkoutResponse;
import io.fitmesh.training.v1.TrainingUpdated;
import io.grpc.stub.ServerCallStreamObserver;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One watcher's stream. Only the newest state waits to be sent: when the phone reads slowly, older states are
 * replaced instead of queued (coalescing), and sending resumes when the transport is ready again.
 */
public final class LiveStream implements LiveWorkouts.Watcher {
  private final ServerCallStreamObserver<WatchWorkoutResponse> call;
  private final AtomicReference<TrainingUpdated> pending = new AtomicReference<>();
  private volatile boolean done;

  public LiveStream(ServerCallStreamObserver<WatchWorkoutResponse> call) {
    this.call = call;
    call.setOnReadyHandler(this::drain);
  }

  @Override
  public void update(TrainingUpdated state) {
    pending.set(state);
    drain();
  }

  @Override
  public synchronized void finished() {
    if (done) {
      return;
    }
    drain();
    done = true;
    if (!call.isCancelled()) {
      call.onCompleted();
    }
  }

  private synchronized void drain() {
    while (!done && !call.isCancelled() && call.isReady()) {
      TrainingUpdated next = pending.getAndSet(null);
      if (next == null) {
        return;
      }
      call.onNext(WatchWorkoutResponse.newBuilder().setState(next).build());
    }
  }
}
