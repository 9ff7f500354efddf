package io.fitmesh.platform.auth;

import io.fitmesh.platform.errors.DomainException;
import io.grpc.Context;

/** Who is calling: the athlete (and roles) of the verified bearer token of the current gRPC call. */
public final class Callers {
  static final Context.Key<VerifiedToken> CALLER = Context.key("fitmesh-caller");

  private Callers() {}

  /** The calling athlete; UNAUTHENTICATED outside an authenticated call. */
  public static String athleteId() {
    return caller().athleteId();
  }

  /** True when the caller's token grants the role. */
  public static boolean hasRole(String role) {
    return caller().roles().contains(role);
  }

  /** The verified caller; UNAUTHENTICATED outside an authenticated call. */
  public static VerifiedToken caller() {
    VerifiedToken caller = CALLER.get();
    if (caller == null) {
      throw DomainException.unauthenticated("this call needs a bearer token");
    }
    return caller;
  }

  /**
   * Runs {@code work} as if the athlete had called: for event consumers that ask another service about the
   * athlete an event is about (their followers, their clubs). Calls made inside carry service tokens for them.
   */
  public static <T> T onBehalfOf(String athleteId, java.util.function.Supplier<T> work) {
    try {
      return Context.current().withValue(CALLER, new VerifiedToken(athleteId, java.util.Set.of()))
          .call(work::get);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The verified caller, or null outside an authenticated call (for forwarding). */
  static VerifiedToken current() {
    return CALLER.get();
  }
}
