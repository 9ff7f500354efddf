package io.fitmesh.platform.client;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.linecorp.armeria.common.CommonPools;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * A call made with a future stub, waited for without holding a thread: for adapters whose callers share a server's
 * pool with the service they call. The answer, or the failure, is mapped on Armeria's common blocking pool (never a
 * network thread) into a future that never fails.
 */
public final class FutureCalls {
  private static final Executor CALLBACKS = CommonPools.blockingTaskExecutor();

  private FutureCalls() {}

  /** {@code onAnswer} of the answer; {@code onFailure} of the call's failure, or of {@code onAnswer}'s. */
  public static <T, R> CompletableFuture<R> answerOf(ListenableFuture<T> call, Function<T, R> onAnswer,
      Function<Throwable, R> onFailure) {
    CompletableFuture<R> answer = new CompletableFuture<>();
    Futures.addCallback(call, new FutureCallback<T>() {
      @Override
      public void onSuccess(T response) {
        try {
          answer.complete(onAnswer.apply(response));
        } catch (RuntimeException e) {
          answer.complete(onFailure.apply(e));
        }
      }

      @Override
      public void onFailure(Throwable failure) {
        answer.complete(onFailure.apply(failure));
      }
    }, CALLBACKS);
    return answer;
  }
}
