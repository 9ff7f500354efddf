package io.fitmesh.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.linecorp.armeria.client.grpc.GrpcClients;
import io.fitmesh.platform.config.Backends;
import io.fitmesh.platform.config.PlatformConfig;
import io.fitmesh.platform.config.Settings;
import io.fitmesh.platform.runtime.PlatformRuntime;
import io.fitmesh.platform.server.ServiceServer;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FitmeshNodeTest {

  @Test
  void embeddedNode_answersHealthServingForEveryServiceAndTheBff_thenStops() {
    FitmeshNode node = FitmeshNode.start(PlatformRuntime.open(
        PlatformConfig.from(Settings.of(Map.of()), Backends.EMBEDDED).withAnyFreePorts(), "test"));
    try {
      assertThat(node.servers()).extracting(ServiceServer::name)
          .containsExactly("telemetry", "training", "social", "challenge", "reco", "bff");
      for (ServiceServer server : node.servers()) {
        assertThat(healthOf(server)).as(server.name()).isEqualTo(ServingStatus.SERVING);
      }
    } finally {
      node.close();
    }
  }

  static ServingStatus healthOf(ServiceServer server) {
    return GrpcClients.newClient("http://" + server.endpoint(), HealthGrpc.HealthBlockingStub.class)
        .check(HealthCheckRequest.getDefaultInstance())
        .getStatus();
  }
}
