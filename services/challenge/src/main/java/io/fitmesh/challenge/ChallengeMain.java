package io.fitmesh.challenge;

import io.fitmesh.platform.server.StandaloneService;

/** Runs the challenge deployable as its own process; see {@link StandaloneService} for its settings. */
public final class ChallengeMain {
  private ChallengeMain() {}

  public static void main(String[] args) {
    StandaloneService.run(ChallengeDeployable.NAME, ChallengeDeployable::new);
  }
}
