package io.fitmesh.notification.adapters.push;

import com.linecorp.armeria.client.UnprocessedRequestException;
import com.linecorp.armeria.common.CommonPools;
import io.fitmesh.notification.domain.PushResult;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;

/** What the push adapters share in turning faults into {@link PushResult}s. */
final class Outcomes {
  /** Reasons are for logs and metrics: never a whole response body. */
  static final int MAX_REASON_CHARS = 200;

  /** Callers' stages run here, never on a network I/O thread, so they may block. */
  private static final Executor CALLBACKS = CommonPools.blockingTaskExecutor();

  private Outcomes() {}

  /** A send that failed before an answer (refused, reset, TLS, timeout): worth trying again. */
  static PushResult.RetryLater connectionFailure(Throwable failure) {
    return new PushResult.RetryLater(Duration.ZERO, "connection: " + name(unwrap(failure)));
  }

  /** The fault under the wrappers futures and Armeria put around it. */
  static Throwable unwrap(Throwable failure) {
    Throwable t = failure;
    while ((t instanceof CompletionException || t instanceof ExecutionException
        || t instanceof UnprocessedRequestException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  /** The simple class name of a fault: no message, which may carry addresses or payloads. */
  static String name(Throwable failure) {
    String simple = failure.getClass().getSimpleName();
    return simple.isEmpty() ? failure.getClass().getName() : simple;
  }

  /** {@code text} on one line, without control characters, at most {@link #MAX_REASON_CHARS} long. */
  static String shorten(String text) {
    String oneLine = text.replaceAll("\\p{Cntrl}+", " ").strip();
    return oneLine.length() <= MAX_REASON_CHARS ? oneLine : oneLine.substring(0, MAX_REASON_CHARS - 3) + "...";
  }

  /**
   * A future completed with what {@code outcome} completes with, but on a thread that is not a network I/O thread.
   * {@code outcome} must never fail; if it does anyway, the returned future still does not.
   */
  static CompletableFuture<PushResult> completedOffIoThreads(CompletableFuture<PushResult> outcome) {
    CompletableFuture<PushResult> handedOff = new CompletableFuture<>();
    outcome.whenComplete((result, failure) -> {
      PushResult settled = failure == null && result != null
          ? result
          : new PushResult.Failed("internal error: " + (failure == null ? "no result" : name(unwrap(failure))));
      try {
        CALLBACKS.execute(() -> handedOff.complete(settled));
      } catch (RuntimeException rejected) {
        handedOff.complete(settled);
      }
    });
    return handedOff;
  }
}
