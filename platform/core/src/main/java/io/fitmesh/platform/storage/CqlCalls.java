package io.fitmesh.platform.storage;

import io.fitmesh.platform.errors.DomainException;
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
}
