package io.fitmesh.platform.server;

import io.grpc.BindableService;
import java.util.List;

/**
 * What one deployable contributes to a server: its name, its default port and its gRPC services. The platform
 * adds health, reflection, docs, tracing and error mapping around them, the same way for every deployable.
 */
public interface FitmeshService extends AutoCloseable {

  /** Short lowercase name: telemetry, training, social, challenge, reco, bff. */
  String name();

  /** The service's own gRPC services; empty until its scenario provides them. */
  List<BindableService> grpcServices();

  /** Releases what the service opened (consumers, sessions). */
  @Override
  default void close() {}
}
