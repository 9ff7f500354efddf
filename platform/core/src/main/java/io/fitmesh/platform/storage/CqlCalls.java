package io.fitmesh.platform.storage;

import static java.util.Objects.requireNonNull;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Statement;
import io.fitmesh.platform.errors.DomainException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Runs a store call (CQL or Redis): {@link #call} and {@link #run} turn any driver failure into UNAVAILABLE without
 * driver text for the client; {@link #writeAllAtOnce} is a step inside such a call.
 */
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
   * and a retry of the whole call writes them all again. It returns only once every write has answered, failed ones
   * included; then one failed write's exception is thrown as the driver threw it, for the caller's own mapping
   * ({@link #call}).
   */
  public static void writeAllAtOnce(CqlSession session, List<? extends Statement<?>> writes) {
    requireNonNull(session, "session");
    requireNonNull(writes, "writes");
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
