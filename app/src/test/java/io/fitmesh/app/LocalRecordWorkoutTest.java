package io.fitmesh.app;

import io.fitmesh.platform.runtime.PlatformRuntime;
import io.fitmesh.testkit.RealInfra;
import org.junit.jupiter.api.extension.ExtendWith;

/** Scenario 1 in local mode: real Pulsar, CQL server and Redis. */
@ExtendWith(RealInfra.class)
class LocalRecordWorkoutTest extends RecordWorkoutScenario {
  @Override
  PlatformRuntime openRuntime() {
    return PlatformRuntime.open(RealInfra.config().withAnyFreePorts(), "e2e");
  }
}
