package io.fitmesh.platform.server;

import io.grpc.BindableService;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one deployable contributes to a server: its name, its default port and its gRPC services. The platform
 * adds health, reflection, docs, tracing and error mapping around them, the same way for every deployable.
 */
public interface FitmeshService extends AutoCloseable {

  /** Short lowercase name: telemetry, training, social, challenge, reco, bff. */
  String name();

  /**
   * The deployable names this server answers for: its own, and those of the services it hosts besides (the
   * social deployable hosts group and notification by default); other deployables of the node reach them here.
   */
  default List<String> hostedNames() {
    return List.of(name());
  }

  /** The service's own gRPC services; empty until its scenario provides them. */
  List<BindableService> grpcServices();

  /**
   * The methods clients may call with their own token (those the edge routes to them), as
   * {@code package.Service/Method} or {@code package.Service/*}; every other method takes service tokens only.
   */
  default Set<String> publicMethods() {
    return Set.of();
  }

  /**
   * Routes that take more (or, for a long client stream, no limit in total) than the
   * {@link ServiceServer#DEFAULT_MAX_REQUEST_BYTES} every other call is held to: request path (the gRPC path
   * {@code /package.Service/Method}, and its HTTP/JSON route as Armeria names it, e.g. {@code ^/v1/workouts:import$})
   * to bytes, 0 for
   * unlimited in total (each message is still held to the largest limit).
   */
  default Map<String, Long> requestLimits() {
    return Map.of();
  }

  /** Releases what the service opened (consumers, sessions). */
  @Override
  default void close() {}
}
