package io.fitmesh.commerce;

import io.fitmesh.platform.server.StandaloneService;

/** Runs the commerce deployable as its own process; see {@link StandaloneService} for its settings. */
public final class CommerceMain {
  private CommerceMain() {}

  public static void main(String[] args) {
    StandaloneService.run(CommerceDeployable.NAME, CommerceDeployable::new);
  }
}
