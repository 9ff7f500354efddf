package io.fitmesh.bff;

import static java.util.Objects.requireNonNull;

import io.fitmesh.platform.config.PlatformConfig;
import io.fitmesh.platform.runtime.PlatformRuntime;
import io.fitmesh.platform.server.FitmeshService;
import io.grpc.BindableService;
import java.util.List;

/**
 * The bff deployable: the mobile API (HTTP/JSON, gRPC-Web, native gRPC), authenticating calls and fanning out to services.
 * Until its scenario lands it serves only what the platform adds to every server: health, reflection, docs.
 */
public final class BffDeployable implements FitmeshService {
  public static final String NAME = "bff";
  public static final int DEFAULT_PORT = PlatformConfig.defaultPort(NAME);

  private final PlatformRuntime runtime;

  public BffDeployable(PlatformRuntime runtime) {
    this.runtime = requireNonNull(runtime, "runtime");
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int defaultPort() {
    return DEFAULT_PORT;
  }

  @Override
  public List<BindableService> grpcServices() {
    return List.of();
  }
}
