package io.fitmesh.telemetry;

import static java.util.Objects.requireNonNull;

import io.fitmesh.platform.runtime.PlatformRuntime;
import io.fitmesh.platform.server.FitmeshService;
import io.grpc.BindableService;
import java.util.List;

/**
 * The telemetry deployable: TelemetryIngestService (raw samples in CQL, ingest cursors, training.updated).
 * Until its scenario lands it serves only what the platform adds to every server: health, reflection, docs.
 */
public final class TelemetryDeployable implements FitmeshService {
  public static final String NAME = "telemetry";
  public static final int DEFAULT_PORT = 9091;

  private final PlatformRuntime runtime;

  public TelemetryDeployable(PlatformRuntime runtime) {
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
