package io.fitmesh.platform.client;

import static java.util.Objects.requireNonNull;

import com.linecorp.armeria.client.grpc.GrpcClients;
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

  /** A stub of the given generated type (FooGrpc.FooBlockingStub, FooStub, ...) for host:port. */
  public <T extends AbstractStub<T>> T stub(String hostPort, Class<T> stubType) {
    return GrpcClients.builder("http://" + requireNonNull(hostPort, "hostPort"))
        .responseTimeout(callTimeout)
        .intercept(tracing)
        .build(stubType);
  }
}
