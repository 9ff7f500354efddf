package io.fitmesh.reco;

import io.fitmesh.commerce.CommerceDeployable;
import io.fitmesh.platform.runtime.PlatformRuntime;
import io.fitmesh.platform.server.CombinedService;
import io.fitmesh.platform.server.FitmeshService;
import io.fitmesh.promo.PromoDeployable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The reco deployable as a node and RecoMain run it: RecommendationService, with PromoService and CommerceService
 * beside it unless FITMESH_RECO_HOSTS says they run on their own.
 */
public final class RecoServices {
  private RecoServices() {}

  public static FitmeshService start(PlatformRuntime runtime) {
    RecoSettings settings = RecoSettings.from(runtime.config());
    List<Function<PlatformRuntime, FitmeshService>> parts = new ArrayList<>();
    parts.add(RecoDeployable::new);
    if (settings.alsoHosts().contains(PromoDeployable.NAME)) {
      parts.add(PromoDeployable::new);
    }
    if (settings.alsoHosts().contains(CommerceDeployable.NAME)) {
      parts.add(CommerceDeployable::new);
    }
    return CombinedService.start(runtime, parts);
  }
}
