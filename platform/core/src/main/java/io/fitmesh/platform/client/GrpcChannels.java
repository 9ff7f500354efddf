package io.fitmesh.platform.client;

import static java.util.Objects.requireNonNull;

import com.linecorp.armeria.client.grpc.GrpcClientBuilder;
import com.linecorp.armeria.client.grpc.GrpcClients;
import io.fitmesh.platform.auth.BearerForwarding;
import io.grpc.ClientInterceptor;
import io.grpc.stub.AbstractStub;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.instrumentation.grpc.v1_6.GrpcTelemetry;
import java.time.Duration;

/**
 * Makes gRPC stubs for service-to-service calls: every call has a deadline ({@code callTimeout}, sent as
 * grpc-timeout) and carries the caller's trace context through the OpenTelemetry client interceptor.
 */
public final class GrpcChannels {
  private final ClientInterceptor tracing;
  private final Duration callTimeout;

  public GrpcChannels(OpenTelemetry openTelemetry, Duration callTimeout) {
    this.tracing = GrpcTelemetry.create(requireNonNull(openTelemetry, "openTelemetry")).createClientInterceptor();
    this.callTimeout = requireNonNull(callTimeout, "callTimeout");
  }

  /**
   * A stub of the given generated type (FooGrpc.FooBlockingStub, FooStub, ...) for host:port. Calls made inside
   * an authenticated call forward the caller's bearer token.
   */
  public <T extends AbstractStub<T>> T stub(String hostPort, Class<T> stubType) {
    return builder(hostPort).intercept(new BearerForwarding(), tracing).build(stubType);
  }

  /**
   * Like {@link #stub(String, Class)}, but without the call timeout: for server-streaming calls that last as
   * long as the caller keeps watching.
   */
  public <T extends AbstractStub<T>> T streamingStub(String hostPort, Class<T> stubType) {
    return builder(hostPort).responseTimeout(Duration.ZERO).intercept(new BearerForwarding(), tracing)
        .build(stubType);
  }

  /** A stub that calls as the athlete of {@code bearerToken}: for clients outside a call (CLI, tests, bench). */
  public <T extends AbstractStub<T>> T stub(String hostPort, Class<T> stubType, String bearerToken) {
    return builder(hostPort)
        .addHeader("authorization", "Bearer " + requireNonNull(bearerToken, "bearerToken"))
        .intercept(tracing)
        .build(stubType);
  }

  private GrpcClientBuilder builder(String hostPort) {
    return GrpcClients.builder("http://" + requireNonNull(hostPort, "hostPort")).responseTimeout(callTimeout);
  }
}
