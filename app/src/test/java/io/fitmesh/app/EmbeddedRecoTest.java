package io.fitmesh.app;

import io.fitmesh.platform.config.Backends;
import io.fitmesh.platform.config.PlatformConfig;
import io.fitmesh.platform.config.Settings;
import io.fitmesh.platform.runtime.PlatformRuntime;
import java.util.Map;

/** Scenario 3 in embedded mode: in-memory bus and stores; the reference catalogue over real HTTP. */
class EmbeddedRecoTest extends RecoScenario {
  @Override
  PlatformRuntime openRuntime(Map<String, String> commerceSettings) {
    return PlatformRuntime.open(PlatformConfig.from(Settings.of(commerceSettings), Backends.EMBEDDED)
        .withAnyFreePorts(), "e2e");
  }
}
