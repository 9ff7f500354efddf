package io.fitmesh.platform.auth;

import static java.util.Objects.requireNonNull;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import io.fitmesh.platform.errors.DomainException;
import io.fitmesh.platform.errors.ErrorMapper;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.StatusRuntimeException;
import java.util.List;
import java.util.Set;

/**
 * Requires "authorization: Bearer &lt;token&gt;" on every call but health and reflection, verifies it and puts the
 * caller in the call's context. A deployable's public methods (those the edge routes to clients) take a client
 * token or a service token; every other method takes only a service token minted for this deployable. The
 * athlete id never comes from a request body.
 */
public final class AuthInterceptor implements ServerInterceptor {
  static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
  private static final Set<String> OPEN_SERVICES = Set.of(
      "grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection");

  private final Authentication auth;
  private final List<String> deployables;
  private final Set<String> publicMethods;

  /**
   * @param publicMethods full method names ({@code package.Service/Method}) or whole services
   *     ({@code package.Service/*}) that clients may call
   */
  public AuthInterceptor(Authentication auth, String deployable, Set<String> publicMethods) {
    this(auth, List.of(deployable), publicMethods);
  }

  /**
   * For a server hosting several deployables: a service token minted for any of them is accepted.
   *
   * @param deployables the names service tokens may be minted for
   */
  public AuthInterceptor(Authentication auth, List<String> deployables, Set<String> publicMethods) {
    this.auth = requireNonNull(auth, "auth");
    this.deployables = List.copyOf(deployables);
    if (this.deployables.isEmpty()) {
      throw new IllegalArgumentException("a server hosts at least one deployable");
    }
    this.publicMethods = Set.copyOf(publicMethods);
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
      ServerCallHandler<Q, R> next) {
    String service = call.getMethodDescriptor().getServiceName();
    if (OPEN_SERVICES.contains(service)) {
      return next.startCall(call, headers);
    }
    String header = headers.get(AUTHORIZATION);
    try {
      if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
        throw DomainException.unauthenticated("this call needs \"authorization: Bearer <token>\"");
      }
      VerifiedToken caller = verify(header.substring(7).trim(), call.getMethodDescriptor().getFullMethodName(),
          service);
      return Contexts.interceptCall(Context.current().withValue(Callers.CALLER, caller), call, headers, next);
    } catch (DomainException e) {
      StatusRuntimeException status = ErrorMapper.toStatusException(e);
      call.close(status.getStatus(), status.getTrailers() == null ? new Metadata() : status.getTrailers());
      return new ServerCall.Listener<>() {};
    }
  }

  private VerifiedToken verify(String token, String method, String service) {
    JWTClaimsSet unverified = unverifiedClaims(token);
    if (unverified != null && ServiceTokens.ISSUER.equals(unverified.getIssuer())) {
      return auth.services().verify(token, audienceHostedHere(unverified));
    }
    if (!publicMethods.contains(method) && !publicMethods.contains(service + "/*")) {
      throw DomainException.unauthenticated(method + " is internal: it takes service tokens only");
    }
    return auth.clients().verify(token);
  }

  /**
   * The deployable a service token names, when this server hosts it; else the first hosted one, whose check then
   * refuses the token. Only a hint for choosing what to check: ServiceTokens verifies signature and audience.
   */
  private String audienceHostedHere(JWTClaimsSet unverified) {
    List<String> audiences = unverified.getAudience();
    return deployables.stream().filter(audiences::contains).findFirst().orElse(deployables.get(0));
  }

  /** The claims of a token before any check, to tell service tokens from client tokens; null if unreadable. */
  private static JWTClaimsSet unverifiedClaims(String token) {
    try {
      return JWTParser.parse(token).getJWTClaimsSet();
    } catch (java.text.ParseException e) {
      return null;
    }
  }
}
