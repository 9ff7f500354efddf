package io.fitmesh.social;

import static java.util.Objects.requireNonNull;

import io.fitmesh.platform.runtime.PlatformRuntime;
import io.fitmesh.platform.server.FitmeshService;
import io.grpc.BindableService;
import java.util.List;

/**
 * The social deployable: SocialService, GroupService and NotificationService (follow graph, feeds, notifications).
 * Until its scenario lands it serves only what the platform adds to every server: health, reflection, docs.
 */
public final class SocialDeployable implements FitmeshService {
  public static final String NAME = "social";

  private final PlatformRuntime runtime;

  public SocialDeployable(PlatformRuntime runtime) {
    this.runtime = requireNonNull(runtime, "runtime");
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<BindableService> grpcServices() {
    return List.of();
  }
}
