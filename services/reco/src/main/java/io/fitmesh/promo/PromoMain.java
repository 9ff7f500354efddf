package io.fitmesh.promo;

import io.fitmesh.platform.server.StandaloneService;

/** Runs the promo deployable as its own process; see {@link StandaloneService} for its settings. */
public final class PromoMain {
  private PromoMain() {}

  public static void main(String[] args) {
    StandaloneService.run(PromoDeployable.NAME, PromoDeployable::new);
  }
}
