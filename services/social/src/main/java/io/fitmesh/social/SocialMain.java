package io.fitmesh.social;

import io.fitmesh.platform.server.StandaloneService;

/** Runs the social deployable as its own process; see {@link StandaloneService} for its settings. */
public final class SocialMain {
  private SocialMain() {}

  public static void main(String[] args) {
    StandaloneService.run(SocialDeployable.NAME, SocialDeployable::new);
  }
}
