package io.fitmesh.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.fitmesh.platform.runtime.PlatformRuntime;
import io.fitmesh.platform.server.ServiceServer;
import io.fitmesh.testkit.RealInfra;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code fitmesh run --backends local}: the same node against real Pulsar, CQL server and Redis. */
@ExtendWith(RealInfra.class)
class FitmeshNodeLocalTest {

  @Test
  void localNode_connectsToTheRealServers_andAnswersHealthServingEverywhere() {
    PlatformRuntime runtime = PlatformRuntime.open(RealInfra.config().withAnyFreePorts(), "test");
    assertThat(runtime.cql()).isPresent();
    assertThat(runtime.redis()).isPresent();
    FitmeshNode node = FitmeshNode.start(runtime);
    try {
      for (ServiceServer server : node.servers()) {
        assertThat(FitmeshNodeTest.healthOf(server)).as(server.name()).isEqualTo(ServingStatus.SERVING);
      }
    } finally {
      node.close();
    }
  }
}
