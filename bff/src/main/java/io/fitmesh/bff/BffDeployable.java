package io.fitmesh.bff;

import static java.util.Objects.requireNonNull;

import io.fitmesh.bff.grpc.MobileWorkoutHandler;
import io.fitmesh.platform.config.PlatformConfig;
import io.fitmesh.platform.runtime.PlatformRuntime;
import io.fitmesh.platform.server.FitmeshService;
import io.fitmesh.telemetry.v1.TelemetryIngestServiceGrpc.TelemetryIngestServiceBlockingStub;
import io.fitmesh.training.v1.AnalyticsServiceGrpc.AnalyticsServiceBlockingStub;
import io.fitmesh.training.v1.TrainingServiceGrpc.TrainingServiceBlockingStub;
import io.grpc.BindableService;
import java.util.List;

/**
 * The bff deployable: the mobile API (HTTP/JSON, gRPC-Web, native gRPC), authenticating calls and fanning out to services.
 * Serves MobileWorkoutService (HTTP/JSON under /v1, gRPC-Web, native gRPC) on one port.
 */
public final class BffDeployable implements FitmeshService {
  public static final String NAME = "bff";
  public static final int DEFAULT_PORT = PlatformConfig.defaultPort(NAME);

  private final MobileWorkoutHandler workouts;

  public BffDeployable(PlatformRuntime runtime) {
    requireNonNull(runtime, "runtime");
    this.workouts = new MobileWorkoutHandler(
        runtime.services().stub("training", TrainingServiceBlockingStub.class),
        runtime.services().stub("telemetry", TelemetryIngestServiceBlockingStub.class),
        runtime.services().stub("training", AnalyticsServiceBlockingStub.class));
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
    return List.of(workouts);
  }
}
