package io.fitmesh.platform.auth;

import static java.util.Objects.requireNonNull;

import io.fitmesh.platform.errors.DomainException;
import io.fitmesh.platform.errors.ErrorMapper;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.StatusRuntimeException;
import java.util.Set;

/**
 * Requires "authorization: Bearer &lt;token&gt;" on every call but health and reflection, verifies it and puts the
 * athlete (and the token, for forwarding) in the call's context. The athlete id never comes from a request body.
 */
public final class AuthInterceptor implements ServerInterceptor {
  static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
  private static final Set<String> OPEN_SERVICES = Set.of(
      "grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection");

  private final JwtTokens tokens;

  public AuthInterceptor(JwtTokens tokens) {
    this.tokens = requireNonNull(tokens, "tokens");
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
      ServerCallHandler<Q, R> next) {
    if (OPEN_SERVICES.contains(call.getMethodDescriptor().getServiceName())) {
      return next.startCall(call, headers);
    }
    String header = headers.get(AUTHORIZATION);
    try {
      if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
        throw DomainException.unauthenticated("this call needs \"authorization: Bearer <token>\"");
      }
      String token = header.substring(7).trim();
      String athleteId = tokens.verify(token);
      Context context = Context.current()
          .withValue(Callers.ATHLETE_ID, athleteId)
          .withValue(Callers.BEARER, token);
      return Contexts.interceptCall(context, call, headers, next);
    } catch (DomainException e) {
      StatusRuntimeException status = ErrorMapper.toStatusException(e);
      call.close(status.getStatus(), status.getTrailers() == null ? new Metadata() : status.getTrailers());
      return new ServerCall.Listener<>() {};
    }
  }
}
