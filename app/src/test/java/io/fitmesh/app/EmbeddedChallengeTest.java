package io.fitmesh.app;

import io.fitmesh.platform.config.Backends;
import io.fitmesh.platform.config.PlatformConfig;
import io.fitmesh.platform.config.Settings;
import io.fitmesh.platform.runtime.PlatformRuntime;
import java.util.Map;

/** Scenario 4 in embedded mode: in-memory bus, stores and boards. */
class EmbeddedChallengeTest extends ChallengeScenario {
  @Override
  PlatformRuntime openRuntime() {
    return PlatformRuntime.open(PlatformConfig.from(Settings.of(Map.of()), Backends.EMBEDDED).withAnyFreePorts(), "e2e");
  }
}
