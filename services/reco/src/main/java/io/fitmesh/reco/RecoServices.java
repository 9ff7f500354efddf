package io.fitmesh.reco;

import io.fitmesh.commerce.CommerceDeployable;
import io.fitmesh.platform.runtime.PlatformRuntime;
import io.fitmesh.platform.server.CombinedService;
import io.fitmesh.platform.server.FitmeshService;
import io.fitmesh.promo.PromoDeployable;
import java.util.ArrayList;
import java.util.List;

/**
 * The reco deployable as a node and RecoMain run it: RecommendationService, with PromoService and CommerceService
 * beside it unless FITMESH_RECO_HOSTS says they run on their own.
 */
public final class RecoServices {
  private RecoServices() {}

  public static FitmeshService start(PlatformRuntime runtime) {
    RecoSettings settings = RecoSettings.from(runtime.config());
    List<FitmeshService> parts = new ArrayList<>();
    try {
      parts.add(new RecoDeployable(runtime));
      if (settings.alsoHosts().contains(PromoDeployable.NAME)) {
        parts.add(new PromoDeployable(runtime));
      }
      if (settings.alsoHosts().contains(CommerceDeployable.NAME)) {
        parts.add(new CommerceDeployable(runtime));
      }
    } catch (RuntimeException e) {
      parts.forEach(FitmeshService::close);
      throw e;
    }
    return new CombinedService(parts);
  }
}
