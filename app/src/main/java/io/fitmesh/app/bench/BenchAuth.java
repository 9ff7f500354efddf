package io.fitmesh.app.bench;

import io.fitmesh.platform.auth.VerifiedToken;
import io.fitmesh.platform.runtime.PlatformRuntime;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import java.util.Set;

/**
 * Benchmarks call internal methods as the BFF would: with a fresh one-minute service token for the called
 * deployable on each call, on behalf of an athlete.
 */
final class BenchAuth {
  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private BenchAuth() {}

  static ClientInterceptor serviceToken(PlatformRuntime runtime, String athleteId, String deployable) {
    VerifiedToken caller = new VerifiedToken(athleteId, Set.of());
    return new ClientInterceptor() {
      @Override
      public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
          @Override
          public void start(Listener<R> listener, Metadata headers) {
            headers.put(AUTHORIZATION, "Bearer " + runtime.auth().services().mint(caller, deployable));
            super.start(listener, headers);
          }
        };
      }
    };
  }

  /** A service token for one call (or a stream started at once). */
  static String serviceTokenNow(PlatformRuntime runtime, String athleteId, String deployable) {
    return runtime.auth().services().mint(new VerifiedToken(athleteId, Set.of()), deployable);
  }
}
