package io.fitmesh.platform.grpc;

import static java.util.Objects.requireNonNull;

import io.grpc.stub.ServerCallStreamObserver;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A server stream that sends only the newest message: when the client reads slowly, waiting messages are
 * replaced instead of queued (coalescing), and sending resumes when the transport is ready again.
 */
public final class LatestOnlyStream<T> {
  private final ServerCallStreamObserver<T> call;
  private final AtomicReference<T> pending = new AtomicReference<>();
  private volatile boolean done;

  public LatestOnlyStream(ServerCallStreamObserver<T> call) {
    this.call = requireNonNull(call, "call");
    call.setOnReadyHandler(this::drain);
  }

  /** Sends the message now if the client keeps up, else replaces what waits. */
  public void send(T message) {
    pending.set(requireNonNull(message, "message"));
    drain();
  }

  /** Sends what still waits (if the client is ready) and ends the stream. */
  public synchronized void complete() {
    if (done) {
      return;
    }
    drain();
    done = true;
    if (!call.isCancelled()) {
      call.onCompleted();
    }
  }

  /** Ends the stream with an error (what waits is dropped: the stream ends because it must not go on). */
  public synchronized void fail(io.grpc.StatusRuntimeException status) {
    if (done) {
      return;
    }
    done = true;
    pending.set(null);
    if (!call.isCancelled()) {
      call.onError(status);
    }
  }

  public boolean isCancelled() {
    return call.isCancelled();
  }

  private synchronized void drain() {
    while (!done && !call.isCancelled() && call.isReady()) {
      T next = pending.getAndSet(null);
      if (next == null) {
        return;
      }
      call.onNext(next);
    }
  }
}
