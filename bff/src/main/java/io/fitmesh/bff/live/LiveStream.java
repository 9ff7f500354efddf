package io.fitmesh.bff.live;

import io.fitmesh.bff.v1.WatchWorkoutResponse;
import io.fitmesh.platform.grpc.LatestOnlyStream;
import io.fitmesh.training.v1.TrainingUpdated;
import io.grpc.stub.ServerCallStreamObserver;

/** One watcher's stream of a workout's live states, coalesced to the newest when the phone reads slowly. */
public final class LiveStream implements LiveWorkouts.Watcher {
  private final LatestOnlyStream<WatchWorkoutResponse> stream;

  public LiveStream(ServerCallStreamObserver<WatchWorkoutResponse> call) {
    this.stream = new LatestOnlyStream<>(call);
  }

  @Override
  public void update(TrainingUpdated state) {
    stream.send(WatchWorkoutResponse.newBuilder().setState(state).build());
  }

  @Override
  public void finished() {
    stream.complete();
  }
}
