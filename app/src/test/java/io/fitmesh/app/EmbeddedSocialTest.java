package io.fitmesh.app;

import io.fitmesh.platform.config.Backends;
import io.fitmesh.platform.config.PlatformConfig;
import io.fitmesh.platform.config.Settings;
import io.fitmesh.platform.runtime.PlatformRuntime;
import java.util.Map;

/** Scenario 2 in embedded mode: in-memory bus, stores and timelines; real APNs and FCM protocols. */
class EmbeddedSocialTest extends SocialScenario {
  @Override
  PlatformRuntime openRuntime(Map<String, String> pushSettings) {
    return PlatformRuntime.open(PlatformConfig.from(Settings.of(pushSettings), Backends.EMBEDDED).withAnyFreePorts(),
        "e2e");
  }
}
