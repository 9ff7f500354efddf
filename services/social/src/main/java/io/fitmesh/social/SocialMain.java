package io.fitmesh.social;

import io.fitmesh.platform.server.StandaloneService;

/** Runs the social deployable (with group and notification, see {@link SocialServices}) as its own process. */
public final class SocialMain {
  private SocialMain() {}

  public static void main(String[] args) {
    StandaloneService.run(SocialDeployable.NAME, SocialServices::start);
  }
}
