package io.fitmesh.bff;

import io.fitmesh.platform.server.StandaloneService;

/** Runs the bff deployable as its own process; see {@link StandaloneService} for its settings. */
public final class BffMain {
  private BffMain() {}

  public static void main(String[] args) {
    StandaloneService.run(BffDeployable.NAME, BffDeployable::new);
  }
}
