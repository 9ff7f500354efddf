package io.fitmesh.mesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.InvalidProtocolBufferException;
import io.envoyproxy.envoy.config.bootstrap.v3.Bootstrap;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.extensions.upstreams.http.v3.HttpProtocolOptions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EnvoyConfigTest {
  private static final Map<String, Integer> SERVICES = Map.of(
      "telemetry", 9091, "training", 9092, "social", 9093, "challenge", 9094, "reco", 9095, "bff", 8080);

  @Test
  void edge_parsesIntoEnvoysBootstrap_andEveryRouteNamesADefinedCluster() throws Exception {
    Bootstrap edge = EnvoyConfigs.parse(EnvoyConfigs.read("edge.yaml"));

    assertThat(EnvoyConfigs.clusterNames(edge)).containsExactlyInAnyOrder("bff", "telemetry");
    assertEveryRouteTargetsADefinedCluster(edge);
  }

  @Test
  void edge_sendsNativeTelemetryStreamsToTelemetry_andMobileJsonToTheBff() throws Exception {
    List<Route> routes = EnvoyConfigs.routes(EnvoyConfigs.parse(EnvoyConfigs.read("edge.yaml")));

    Route telemetry = route(routes, "telemetry-stream");
    assertThat(telemetry.getMatch().getPrefix()).isEqualTo("/fitmesh.telemetry.v1.TelemetryIngestService/");
    assertThat(telemetry.getMatch().hasGrpc()).isTrue();
    assertThat(telemetry.getRoute().getCluster()).isEqualTo("telemetry");
    assertThat(route(routes, "mobile-json-reads").getRoute().getCluster()).isEqualTo("bff");
    assertThat(route(routes, "mobile-json-writes").getRoute().getCluster()).isEqualTo("bff");
  }

  @Test
  void edge_retriesWritesOnlyWhenTheyNeverReachedAServer() throws Exception {
    List<Route> routes = EnvoyConfigs.routes(EnvoyConfigs.parse(EnvoyConfigs.read("edge.yaml")));

    for (Route route : routes) {
      String retryOn = route.getRoute().getRetryPolicy().getRetryOn();
      assertThat(route.getRoute().hasTimeout() || route.getRoute().hasMaxStreamDuration())
          .as(route.getName() + " has a deadline").isTrue();
      if (!route.getName().equals("mobile-json-reads")) {
        assertThat(Set.of(retryOn.split(","))).as(route.getName())
            .isSubsetOf("connect-failure", "refused-stream");
      }
    }
  }

  @Test
  void edge_speaksHttp2ToEveryUpstream_andHealthChecksItWithGrpcHealth() throws Exception {
    for (Cluster cluster : EnvoyConfigs.parse(EnvoyConfigs.read("edge.yaml")).getStaticResources()
        .getClustersList()) {
      assertThat(protocolOptions(cluster).getExplicitHttpConfig().hasHttp2ProtocolOptions())
          .as(cluster.getName()).isTrue();
      assertThat(cluster.getHealthChecks(0).hasGrpcHealthCheck()).as(cluster.getName()).isTrue();
    }
  }

  @Test
  void sidecar_rendersForEveryService_intoAValidBootstrap() throws Exception {
    for (Map.Entry<String, Integer> service : SERVICES.entrySet()) {
      Bootstrap sidecar = EnvoyConfigs.parse(EnvoyConfigs.sidecarFor(service.getKey(), service.getValue()));

      assertThat(EnvoyConfigs.clusterNames(sidecar))
          .contains("local_service", "telemetry", "training", "social", "challenge", "reco");
      assertEveryRouteTargetsADefinedCluster(sidecar);
      Cluster local = sidecar.getStaticResources().getClustersList().stream()
          .filter(c -> c.getName().equals("local_service")).findFirst().orElseThrow();
      assertThat(local.getLoadAssignment().getEndpoints(0).getLbEndpoints(0).getEndpoint().getAddress()
          .getSocketAddress().getPortValue()).isEqualTo(service.getValue());
    }
  }

  @Test
  void aMisspeltField_failsTheParse() throws Exception {
    String misspelt = EnvoyConfigs.read("edge.yaml").replaceFirst("connect_timeout", "conect_timeout");

    assertThatThrownBy(() -> EnvoyConfigs.parse(misspelt))
        .isInstanceOf(InvalidProtocolBufferException.class)
        .hasMessageContaining("conect_timeout");
  }

  @Test
  void aRouteToAnUndefinedCluster_isCaught() throws Exception {
    Bootstrap broken = EnvoyConfigs.parse(
        EnvoyConfigs.read("edge.yaml").replace("cluster: telemetry\n", "cluster: telemetri\n"));

    assertThatThrownBy(() -> assertEveryRouteTargetsADefinedCluster(broken))
        .hasMessageContaining("telemetri");
  }

  private static void assertEveryRouteTargetsADefinedCluster(Bootstrap bootstrap) throws Exception {
    Set<String> clusters = EnvoyConfigs.clusterNames(bootstrap);
    for (Route route : EnvoyConfigs.routes(bootstrap)) {
      assertThat(clusters).as("route " + route.getName() + " targets a defined cluster")
          .contains(route.getRoute().getCluster());
    }
  }

  private static Route route(List<Route> routes, String name) {
    return routes.stream().filter(r -> r.getName().equals(name)).findFirst().orElseThrow();
  }

  private static HttpProtocolOptions protocolOptions(Cluster cluster) throws InvalidProtocolBufferException {
    return cluster.getTypedExtensionProtocolOptionsOrThrow("envoy.extensions.upstreams.http.v3.HttpProtocolOptions")
        .unpack(HttpProtocolOptions.class);
  }
}
