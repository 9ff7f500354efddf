package io.fitmesh.telemetry;

import io.fitmesh.platform.server.StandaloneService;

/** Runs the telemetry deployable as its own process; see {@link StandaloneService} for its settings. */
public final class TelemetryMain {
  private TelemetryMain() {}

  public static void main(String[] args) {
    StandaloneService.run(TelemetryDeployable.NAME, TelemetryDeployable::new);
  }
}
