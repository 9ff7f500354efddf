package io.fitmesh.platform.auth;

import io.fitmesh.platform.errors.DomainException;
import io.grpc.Context;

/** Who is calling: the athlete of the verified bearer token of the current gRPC call. */
public final class Callers {
  static final Context.Key<String> ATHLETE_ID = Context.key("fitmesh-athlete-id");
  static final Context.Key<String> BEARER = Context.key("fitmesh-bearer");

  private Callers() {}

  /** The calling athlete; UNAUTHENTICATED outside an authenticated call. */
  public static String athleteId() {
    String athleteId = ATHLETE_ID.get();
    if (athleteId == null) {
      throw DomainException.unauthenticated("this call needs a bearer token");
    }
    return athleteId;
  }

  /** The caller's raw token, for forwarding to downstream services; null outside an authenticated call. */
  static String bearer() {
    return BEARER.get();
  }
}
