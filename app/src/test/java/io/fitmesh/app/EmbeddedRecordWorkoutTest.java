package io.fitmesh.app;

import io.fitmesh.platform.config.Backends;
import io.fitmesh.platform.config.PlatformConfig;
import io.fitmesh.platform.config.Settings;
import io.fitmesh.platform.runtime.PlatformRuntime;
import java.util.Map;

/** Scenario 1 in embedded mode (in-memory bus and stores). */
class EmbeddedRecordWorkoutTest extends RecordWorkoutScenario {
  @Override
  PlatformRuntime openRuntime() {
    return PlatformRuntime.open(PlatformConfig.from(Settings.of(Map.of()), Backends.EMBEDDED).withAnyFreePorts(), "e2e");
  }
}
