package io.fitmesh.platform.server;

import static java.util.Objects.requireNonNull;

import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.grpc.GrpcSerializationFormats;
import com.linecorp.armeria.server.Server;
import com.linecorp.armeria.server.ServerBuilder;
import com.linecorp.armeria.server.docs.DocService;
import com.linecorp.armeria.server.grpc.GrpcService;
import com.linecorp.armeria.server.grpc.GrpcServiceBuilder;
import io.fitmesh.platform.auth.AuthInterceptor;
import io.fitmesh.platform.auth.JwtTokens;
import io.fitmesh.platform.errors.ErrorMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.instrumentation.grpc.v1_6.GrpcTelemetry;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one server bootstrap: an Armeria server on host:port serving the service's gRPC services over native
 * gRPC, gRPC-Web and HTTP/JSON transcoding, plus grpc.health.v1, server reflection (v1), a DocService at
 * /docs, the OpenTelemetry server interceptor, bearer-token authentication ({@link AuthInterceptor}) and
 * {@link ErrorMapper}. Stopping drains in-flight calls.
 */
public final class ServiceServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ServiceServer.class);
  /** The largest single message: a 16 MiB import file plus its envelope. */
  private static final int MAX_MESSAGE_BYTES = 17 * 1024 * 1024;
  private static final int BLOCKING_THREADS = 64;

  private final FitmeshService service;
  private final Server server;

  private ServiceServer(FitmeshService service, Server server) {
    this.service = service;
    this.server = server;
  }

  /** Builds the server exactly as production runs it; tests use port 0. */
  public static ServiceServer start(FitmeshService service, String host, int port, Duration drainTimeout,
      OpenTelemetry openTelemetry, JwtTokens tokens) {
    requireNonNull(service, "service");
    requireNonNull(openTelemetry, "openTelemetry");
    requireNonNull(tokens, "tokens");
    GrpcServiceBuilder grpc = GrpcService.builder()
        .addService(ProtoReflectionServiceV1.newInstance())
        .enableHealthCheckService(true)
        .supportedSerializationFormats(GrpcSerializationFormats.values())
        .enableUnframedRequests(true)
        .enableHttpJsonTranscoding(true)
        // Handlers call stores and other services synchronously: keep them off the event loop.
        .useBlockingTaskExecutor(true)
        .maxRequestMessageLength(MAX_MESSAGE_BYTES)
        .exceptionHandler(new ErrorMapper())
        // The last interceptor runs first: tracing sees every call, rejected ones included.
        .intercept(new AuthInterceptor(tokens), GrpcTelemetry.create(openTelemetry).createServerInterceptor());
    service.grpcServices().forEach(grpc::addService);
    ServerBuilder sb = Server.builder()
        .http(new InetSocketAddress(host, port))
        .service(grpc.build())
        .serviceUnder("/docs", DocService.builder().build())
        // A wearable's client stream lasts as long as the workout: no server-wide request timeout or total size.
        // Unary calls carry their deadline (grpc-timeout; the edge sets per-route timeouts); messages are capped.
        .requestTimeout(Duration.ZERO)
        // Its own blocking pool: services sharing a JVM call each other, and a shared pool could starve.
        .blockingTaskExecutor(BLOCKING_THREADS)
        .maxRequestLength(0)
        .gracefulShutdownTimeout(Duration.ofMillis(Math.min(500, drainTimeout.toMillis())), drainTimeout)
        // One registry per server: servers sharing a JVM would otherwise clash on the same meter names.
        .meterRegistry(new SimpleMeterRegistry());
    Server server = sb.build();
    server.start().join();
    ServiceServer started = new ServiceServer(service, server);
    log.info("{} listening on {}", service.name(), started.endpoint());
    return started;
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
