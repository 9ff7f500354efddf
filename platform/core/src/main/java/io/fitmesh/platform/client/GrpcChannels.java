package io.fitmesh.platform.client;

import static java.util.Objects.requireNonNull;

import com.linecorp.armeria.client.Endpoint;
import com.linecorp.armeria.client.HttpClient;
import com.linecorp.armeria.client.endpoint.EndpointGroup;
import com.linecorp.armeria.client.grpc.GrpcClientBuilder;
import com.linecorp.armeria.client.grpc.GrpcClients;
import com.linecorp.armeria.client.retry.RetryRule;
import com.linecorp.armeria.client.retry.RetryingClient;
import com.linecorp.armeria.common.SessionProtocol;
import io.grpc.ClientInterceptor;
import io.grpc.stub.AbstractStub;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.instrumentation.grpc.v1_6.GrpcTelemetry;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Makes gRPC stubs: every call has a deadline ({@code callTimeout}, sent as grpc-timeout) unless it is a long
 * stream, and carries the caller's trace context through the OpenTelemetry client interceptor. An address is
 * host:port, or several host:port separated by commas (instances of one deployable, called in turn); a unary call
 * that never reached a server (refused connection, an instance gone) is tried again on the next one, which cannot
 * apply a write twice.
 */
public final class GrpcChannels {
  private static final Function<? super HttpClient, RetryingClient> RETRY_UNPROCESSED =
      RetryingClient.newDecorator(RetryRule.onUnprocessed(), 3);

  private final ClientInterceptor tracing;
  private final Duration callTimeout;

  public GrpcChannels(OpenTelemetry openTelemetry, Duration callTimeout) {
    this.tracing = GrpcTelemetry.create(requireNonNull(openTelemetry, "openTelemetry")).createClientInterceptor();
    this.callTimeout = requireNonNull(callTimeout, "callTimeout");
  }

  /**
   * A stub of the given generated type (FooGrpc.FooBlockingStub, FooStub, ...) for host:port, authenticated by
   * {@code credentials} (a service token on behalf of the current caller).
   */
  public <T extends AbstractStub<T>> T stub(String hostPort, Class<T> stubType, ClientInterceptor credentials) {
    return builder(hostPort).decorator(RETRY_UNPROCESSED).intercept(credentials, tracing).build(stubType);
  }

  /**
   * Like {@link #stub(String, Class, ClientInterceptor)}, but without the call timeout: for server-streaming
   * calls that last as long as the caller keeps watching.
   */
  public <T extends AbstractStub<T>> T streamingStub(String hostPort, Class<T> stubType,
      ClientInterceptor credentials) {
    return builder(hostPort).responseTimeout(Duration.ZERO).intercept(credentials, tracing).build(stubType);
  }

  /** A stub that calls as the athlete of {@code bearerToken}: for clients outside a call (CLI, tests, bench). */
  public <T extends AbstractStub<T>> T stub(String hostPort, Class<T> stubType, String bearerToken) {
    return builder(hostPort)
        .decorator(RETRY_UNPROCESSED)
        .addHeader("authorization", "Bearer " + requireNonNull(bearerToken, "bearerToken"))
        .intercept(tracing)
        .build(stubType);
  }

  /** Like {@link #stub(String, Class, String)}, without the call timeout, for long server streams. */
  public <T extends AbstractStub<T>> T streamingStub(String hostPort, Class<T> stubType, String bearerToken) {
    return builder(hostPort).responseTimeout(Duration.ZERO)
        .addHeader("authorization", "Bearer " + requireNonNull(bearerToken, "bearerToken"))
        .intercept(tracing)
        .build(stubType);
  }

  private GrpcClientBuilder builder(String addresses) {
    List<Endpoint> endpoints = Arrays.stream(requireNonNull(addresses, "addresses").split(","))
        .map(String::strip)
        .map(Endpoint::parse)
        .toList();
    EndpointGroup group = endpoints.size() == 1 ? endpoints.get(0) : EndpointGroup.of(endpoints);
    return GrpcClients.builder(SessionProtocol.HTTP, group).responseTimeout(callTimeout);
  }
}
