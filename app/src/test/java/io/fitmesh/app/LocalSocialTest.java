package io.fitmesh.app;

import io.fitmesh.platform.config.Backends;
import io.fitmesh.platform.config.PlatformConfig;
import io.fitmesh.platform.runtime.PlatformRuntime;
import io.fitmesh.testkit.RealInfra;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;

/** Scenario 2 in local mode: real Pulsar, CQL server and Redis. */
@ExtendWith(RealInfra.class)
class LocalSocialTest extends SocialScenario {
  @Override
  PlatformRuntime openRuntime(Map<String, String> pushSettings) {
    return PlatformRuntime.open(PlatformConfig.from(RealInfra.settings().withOverrides(pushSettings), Backends.LOCAL)
        .withAnyFreePorts(), "e2e");
  }
}
