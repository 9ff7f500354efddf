package io.fitmesh.platform.auth;

import static java.util.Objects.requireNonNull;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;

/**
 * Sends a service token on calls made inside an authenticated call: the current caller, for the called
 * deployable only. The caller's own token is never passed on.
 */
public final class ServiceTokenForwarding implements ClientInterceptor {
  private final ServiceTokens tokens;
  private final String audience;

  public ServiceTokenForwarding(ServiceTokens tokens, String audience) {
    this.tokens = requireNonNull(tokens, "tokens");
    this.audience = requireNonNull(audience, "audience");
  }

  @Override
  public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
    VerifiedToken caller = Callers.current();
    return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
      @Override
      public void start(Listener<R> listener, Metadata headers) {
        if (caller != null && !headers.containsKey(AuthInterceptor.AUTHORIZATION)) {
          headers.put(AuthInterceptor.AUTHORIZATION, "Bearer " + tokens.mint(caller, audience));
        }
        super.start(listener, headers);
      }
    };
  }
}
