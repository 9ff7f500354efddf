package io.fitmesh.training;

import io.fitmesh.platform.server.StandaloneService;

/** Runs the training deployable as its own process; see {@link StandaloneService} for its settings. */
public final class TrainingMain {
  private TrainingMain() {}

  public static void main(String[] args) {
    StandaloneService.run(TrainingDeployable.NAME, TrainingDeployable::new);
  }
}
