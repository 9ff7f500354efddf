package io.fitmesh.platform.auth;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;

/**
 * Sends the current caller's bearer token on outgoing calls, so each service checks the athlete itself
 * instead of trusting a header another service wrote.
 */
public final class BearerForwarding implements ClientInterceptor {
  @Override
  public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
    String bearer = Callers.bearer();
    return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
      @Override
      public void start(Listener<R> listener, Metadata headers) {
        if (bearer != null && !headers.containsKey(AuthInterceptor.AUTHORIZATION)) {
          headers.put(AuthInterceptor.AUTHORIZATION, "Bearer " + bearer);
        }
        super.start(listener, headers);
      }
    };
  }
}
