package io.fitmesh.app;

import io.fitmesh.platform.config.Backends;
import io.fitmesh.platform.config.PlatformConfig;
import io.fitmesh.platform.runtime.PlatformRuntime;
import io.fitmesh.testkit.RealInfra;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;

/** Scenario 3 in local mode: real Pulsar, CQL server and Redis; the reference catalogue over real HTTP. */
@ExtendWith(RealInfra.class)
class LocalRecoTest extends RecoScenario {
  @Override
  PlatformRuntime openRuntime(Map<String, String> commerceSettings) {
    return PlatformRuntime.open(PlatformConfig.from(RealInfra.settings().withOverrides(commerceSettings),
        Backends.LOCAL).withAnyFreePorts(), "e2e");
  }
}
