package io.fitmesh.reco;

import static java.util.Objects.requireNonNull;

import io.fitmesh.platform.runtime.PlatformRuntime;
import io.fitmesh.platform.server.FitmeshService;
import io.grpc.BindableService;
import java.util.List;

/**
 * The reco deployable: RecommendationService and PromoService (recommendations, promos, commerce adapter).
 * Until its scenario lands it serves only what the platform adds to every server: health, reflection, docs.
 */
public final class RecoDeployable implements FitmeshService {
  public static final String NAME = "reco";

  private final PlatformRuntime runtime;

  public RecoDeployable(PlatformRuntime runtime) {
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
