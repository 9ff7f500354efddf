package io.fitmesh.platform.server;

import static java.util.Objects.requireNonNull;

import com.linecorp.armeria.common.grpc.GrpcJsonMarshaller;
import com.linecorp.armeria.common.grpc.GrpcSerializationFormats;
import com.linecorp.armeria.server.Route;
import com.linecorp.armeria.server.Server;
import com.linecorp.armeria.server.ServerBuilder;
import com.linecorp.armeria.server.docs.DocService;
import com.linecorp.armeria.server.grpc.GrpcService;
import com.linecorp.armeria.server.grpc.HttpJsonTranscodingOptions;
import com.linecorp.armeria.server.grpc.HttpJsonTranscodingQueryParamMatchRule;
import com.linecorp.armeria.server.grpc.GrpcServiceBuilder;
import io.fitmesh.platform.auth.AuthInterceptor;
import io.fitmesh.platform.auth.Authentication;
import io.fitmesh.platform.errors.ErrorMapper;
import io.fitmesh.platform.errors.JsonErrors;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.instrumentation.grpc.v1_6.GrpcTelemetry;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one server bootstrap: an Armeria server on host:port serving the service's gRPC services over native
 * gRPC, gRPC-Web and HTTP/JSON transcoding, plus grpc.health.v1 (on the event loop, so that load on the handlers'
 * pool cannot starve health checks), server reflection (v1), a DocService at /docs, the OpenTelemetry server
 * interceptor, bearer-token authentication ({@link AuthInterceptor}), the call's deadline in io.grpc.Context
 * ({@link DeadlineBridge}) and {@link ErrorMapper}. JSON bodies are parsed strictly and errors of HTTP/JSON calls
 * have one shape ({@link JsonErrors}). Requests are held to {@link #DEFAULT_MAX_REQUEST_BYTES} unless the service
 * names a route that takes more ({@link FitmeshService#requestLimits()}). Stopping drains in-flight calls.
 */
public final class ServiceServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ServiceServer.class);
  /** What a call may send unless its service says otherwise: far more than any API call but an import needs. */
  public static final long DEFAULT_MAX_REQUEST_BYTES = 1024 * 1024;
  private static final int BLOCKING_THREADS = 64;

  private final FitmeshService service;
  private final Server server;

  private ServiceServer(FitmeshService service, Server server) {
    this.service = service;
    this.server = server;
  }

  /** Builds the server exactly as production runs it; tests use port 0. */
  public static ServiceServer start(FitmeshService service, String host, int port, Duration drainTimeout,
      OpenTelemetry openTelemetry, Authentication auth) {
    requireNonNull(service, "service");
    requireNonNull(openTelemetry, "openTelemetry");
    requireNonNull(auth, "auth");
    Map<String, Long> limits = service.requestLimits();
    long largestMessage = Math.max(DEFAULT_MAX_REQUEST_BYTES,
        limits.values().stream().mapToLong(Long::longValue).max().orElse(0));
    GrpcServiceBuilder grpc = GrpcService.builder()
        .addService(ProtoReflectionServiceV1.newInstance())
        .supportedSerializationFormats(GrpcSerializationFormats.values())
        .enableUnframedRequests(true)
        // Query parameters by their proto name (time_zone) or JSON name (timeZone).
        .enableHttpJsonTranscoding(HttpJsonTranscodingOptions.builder()
            .queryParamMatchRules(HttpJsonTranscodingQueryParamMatchRule.ORIGINAL_FIELD,
                HttpJsonTranscodingQueryParamMatchRule.LOWER_CAMEL_CASE)
            .errorHandler(JsonErrors.UNFRAMED)
            .build())
        // Unknown fields and enum values are refused, not dropped: a typo must not widen what a request asks for.
        .jsonMarshallerFactory(descriptor -> new StrictJsonMarshaller(GrpcJsonMarshaller.builder()
            .jsonMarshallerCustomizer(json -> json.ignoringUnknownFields(false))
            .build(descriptor)))
        .unframedGrpcErrorHandler(JsonErrors.UNFRAMED)
        // Handlers call stores and other services synchronously: keep them off the event loop.
        .useBlockingTaskExecutor(true)
        .maxRequestMessageLength((int) largestMessage)
        .exceptionHandler(new ErrorMapper())
        // The last interceptor runs first: tracing sees every call, rejected ones included.
        .intercept(new FieldLengthCheck(), new AuthInterceptor(auth, service.hostedNames(), service.publicMethods()),
            new DeadlineBridge(),
            GrpcTelemetry.create(openTelemetry).createServerInterceptor());
    service.grpcServices().forEach(grpc::addService);
    GrpcService api = grpc.build();
    GrpcService health = GrpcService.builder()
        .enableHealthCheckService(true)
        .supportedSerializationFormats(GrpcSerializationFormats.values())
        .enableUnframedRequests(true)
        .build();
    ServerBuilder sb = Server.builder()
        .http(new InetSocketAddress(host, port))
        .service(health)
        .serviceUnder("/docs", DocService.builder().build())
        // A wearable's client stream lasts as long as the workout: no server-wide request timeout. Unary calls
        // carry their deadline (grpc-timeout; the edge sets per-route timeouts).
        .requestTimeout(Duration.ZERO)
        .maxRequestLength(DEFAULT_MAX_REQUEST_BYTES)
        .errorHandler(JsonErrors.HTTP_LEVEL)
        // A client's bad request is answered and, when unexpected, logged by ErrorMapper: no stack traces here.
        .unloggedExceptionsReportInterval(Duration.ZERO)
        // Its own blocking pool: services sharing a JVM call each other, and a shared pool could starve.
        .blockingTaskExecutor(BLOCKING_THREADS)
        .gracefulShutdownTimeout(Duration.ofMillis(Math.min(500, drainTimeout.toMillis())), drainTimeout)
        // One registry per server: servers sharing a JVM would otherwise clash on the same meter names.
        .meterRegistry(new SimpleMeterRegistry());
    bindByLimit(sb, api, limits);
    Server server = sb.build();
    server.start().join();
    ServiceServer started = new ServiceServer(service, server);
    log.info("{} listening on {}", service.name(), started.endpoint());
    return started;
  }

  /** Binds the API's routes in groups, each group with the request length its routes may take. */
  private static void bindByLimit(ServerBuilder sb, GrpcService api, Map<String, Long> limits) {
    Map<Long, List<Route>> byLimit = new HashMap<>();
    for (Route route : api.routes()) {
      long limit = limits.getOrDefault(route.patternString(), DEFAULT_MAX_REQUEST_BYTES);
      byLimit.computeIfAbsent(limit, l -> new ArrayList<>()).add(route);
    }
    Set<String> bound = new HashSet<>();
    byLimit.forEach((limit, routes) -> sb.withRoute(b -> {
      routes.forEach(b::addRoute);
      routes.forEach(r -> bound.add(r.patternString()));
      b.maxRequestLength(limit).build(api);
    }));
    Set<String> unknown = new HashSet<>(limits.keySet());
    unknown.removeAll(bound);
    if (!unknown.isEmpty()) {
      throw new IllegalStateException("request limits name routes this server does not serve: " + unknown
          + "; it serves " + new java.util.TreeSet<>(bound));
    }
  }

  public String name() {
    return service.name();
  }

  /** The port actually bound (differs from the requested one when that was 0). */
  public int port() {
    return server.activeLocalPort();
  }

  /** host:port as clients dial it. */
  public String endpoint() {
    InetSocketAddress address = server.activePort().localAddress();
    return address.getHostString() + ":" + address.getPort();
  }

  /** Stops taking calls, lets in-flight ones finish within the drain timeout, then closes the service. */
  public CompletableFuture<Void> stop() {
    long start = System.nanoTime();
    return server.stop().thenRun(() -> {
      service.close();
      log.info("{} stopped in {} ms", service.name(), (System.nanoTime() - start) / 1_000_000);
    });
  }

  /** {@link #stop()} and wait for it. */
  @Override
  public void close() {
    stop().join();
  }
}
