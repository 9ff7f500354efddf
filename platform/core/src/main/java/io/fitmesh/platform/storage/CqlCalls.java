package io.fitmesh.platform.storage;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Statement;
import io.fitmesh.platform.errors.DomainException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/** Runs a store call (CQL or Redis); any driver failure becomes UNAVAILABLE without driver text for the client. */
public final class CqlCalls {
  private CqlCalls() {}

  public static <T> T call(String what, Supplier<T> work) {
    try {
      return work.get();
    } catch (DomainException e) {
      throw e;
    } catch (CompletionException e) {
      if (e.getCause() instanceof DomainException d) {
        throw d;
      }
      throw DomainException.unavailable(what + " unavailable", e);
    } catch (RuntimeException e) {
      throw DomainException.unavailable(what + " unavailable", e);
    }
  }

  public static void run(String what, Runnable work) {
    call(what, () -> {
      work.run();
      return null;
    });
  }

  /**
   * Sends idempotent writes side by side and waits for all of them: cheaper for the CQL server than a logged batch,
   * and a retry of the whole call writes them all again. The first write that failed is thrown as the driver threw
   * it, for the caller's own mapping ({@link #call}).
   */
  public static void writeAllAtOnce(CqlSession session, List<? extends Statement<?>> writes) {
    CompletableFuture<?>[] sent = writes.stream()
        .map(write -> session.executeAsync(write.setIdempotent(true)).toCompletableFuture())
        .toArray(CompletableFuture[]::new);
    try {
      CompletableFuture.allOf(sent).join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }
}
