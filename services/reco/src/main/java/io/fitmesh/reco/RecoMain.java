package io.fitmesh.reco;

import io.fitmesh.platform.server.StandaloneService;

/**
 * Runs the reco deployable as its own process (with promo and commerce unless FITMESH_RECO_HOSTS says otherwise);
 * see {@link StandaloneService} for its settings.
 */
public final class RecoMain {
  private RecoMain() {}

  public static void main(String[] args) {
    StandaloneService.run(RecoDeployable.NAME, RecoServices::start);
  }
}
