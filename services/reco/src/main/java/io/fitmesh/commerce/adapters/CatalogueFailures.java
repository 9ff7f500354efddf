package io.fitmesh.commerce.adapters;

import com.linecorp.armeria.client.ResponseTimeoutException;
import com.linecorp.armeria.client.circuitbreaker.FailFastException;
import com.linecorp.armeria.client.limit.ConcurrencyLimitTimeoutException;
import com.linecorp.armeria.client.limit.TooManyPendingAcquisitionsException;
import com.linecorp.armeria.common.ContentTooLargeException;
import io.fitmesh.commerce.domain.CatalogueFailure;
import io.fitmesh.commerce.domain.Unavailable;
import io.netty.channel.ConnectTimeoutException;
import java.util.concurrent.TimeoutException;

/** The one mapping from what went wrong in a call to a partner to a {@link CatalogueFailure}. */
final class CatalogueFailures {
  /** Armeria and futures wrap faults; the meaningful one is found within this many causes. */
  private static final int MAX_DEPTH = 8;

  private CatalogueFailures() {}

  /**
   * The failure for {@code fault}: the circuit failing fast is CIRCUIT_OPEN, no free slot in time OVERLOADED, a
   * response or connection timeout TIMED_OUT, an answer over the size limit BAD_ANSWER, anything else (refused,
   * reset, closed) PARTNER_FAILED. The detail names the fault's class, never its message.
   */
  static CatalogueFailure of(Throwable fault, String region) {
    Throwable innermost = fault;
    Throwable cause = fault;
    for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++) {
      if (cause instanceof CatalogueFailure failure) {
        return failure;
      }
      Unavailable reason = reasonOf(cause);
      if (reason != null) {
        return new CatalogueFailure(reason, region);
      }
      innermost = cause;
      cause = cause.getCause();
    }
    return new CatalogueFailure(Unavailable.PARTNER_FAILED, region + ": " + name(innermost));
  }

  private static Unavailable reasonOf(Throwable cause) {
    if (cause instanceof FailFastException) {
      return Unavailable.CIRCUIT_OPEN;
    }
    if (cause instanceof ConcurrencyLimitTimeoutException || cause instanceof TooManyPendingAcquisitionsException) {
      return Unavailable.OVERLOADED;
    }
    if (cause instanceof ResponseTimeoutException || cause instanceof ConnectTimeoutException
        || cause instanceof TimeoutException) {
      return Unavailable.TIMED_OUT;
    }
    if (cause instanceof ContentTooLargeException) {
      return Unavailable.BAD_ANSWER;
    }
    return null;
  }

  private static String name(Throwable fault) {
    String simple = fault.getClass().getSimpleName();
    return simple.isEmpty() ? fault.getClass().getName() : simple;
  }
}
