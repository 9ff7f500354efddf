package io.fitmesh.deploy;

import static io.fitmesh.deploy.Rendered.container;
import static io.fitmesh.deploy.Rendered.podSpec;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.envoyproxy.envoy.config.bootstrap.v3.Bootstrap;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.fitmesh.mesh.EnvoyConfigs;
import io.fitmesh.mesh.EnvoyTemplates;
import io.fitmesh.platform.config.Settings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each pod's init container renders its Envoy config from the settings the manifests give it, exactly as
 * `fitmesh envoy` does in the pod; the configs parse into Envoy's Bootstrap and agree with the pod around them.
 */
class EnvoyConfigsPerPodTest {

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void everyPodsEnvoyConfig_rendersFromItsSettings_parses_andMatchesThePod(String overlay) throws Exception {
    Rendered rendered = Rendered.overlay(overlay);
    Set<String> meshServices = new TreeSet<>();
    rendered.ofKind("Service").forEach(service -> service.path("spec").path("ports").forEach(port -> {
      if (port.path("port").asInt() == 15001) {
        meshServices.add(service.path("metadata").path("name").asText());
      }
    }));

    List<String> pods = new ArrayList<>();
    for (JsonNode deployment : rendered.ofKind("Deployment")) {
      String name = deployment.path("metadata").path("name").asText();
      JsonNode init = initContainer(deployment);
      if (init == null) {
        continue;
      }
      List<String> command = new ArrayList<>();
      init.path("command").forEach(part -> command.add(part.asText()));
      Settings settings = Settings.of(environment(rendered, init));
      boolean edge = command.contains("edge");
      Bootstrap envoy = EnvoyConfigs.parse(edge
          ? EnvoyTemplates.edge(settings)
          : EnvoyTemplates.sidecar(command.get(command.indexOf("sidecar") + 1), settings));
      pods.add(name);

      for (Cluster cluster : envoy.getStaticResources().getClustersList()) {
        var address = cluster.getLoadAssignment().getEndpoints(0).getLbEndpoints(0).getEndpoint().getAddress()
            .getSocketAddress();
        if (address.getPortValue() == 15001) {
          assertThat(meshServices).as(name + " calls " + cluster.getName() + " through its mesh Service")
              .contains(address.getAddress());
        }
      }
      if (!edge) {
        int servicePort = container(deployment, "service").path("ports").get(0).path("containerPort").asInt();
        assertThat(EnvoyConfigs.cluster(envoy, "local_service").getLoadAssignment().getEndpoints(0).getLbEndpoints(0)
            .getEndpoint().getAddress().getSocketAddress().getPortValue())
            .as(name + "'s sidecar forwards to the service container's port").isEqualTo(servicePort);
      }
      assertThat(mountPaths(container(deployment, "envoy")))
          .as(name + "'s Envoy has the certificates its config reads")
          .containsAll(edge ? List.of("/etc/fitmesh/edge-tls", "/etc/fitmesh/mesh-tls") : List.of("/etc/fitmesh/mesh-tls"));
    }
    assertThat(pods).containsExactlyInAnyOrder("telemetry", "training", "social", "challenge", "reco", "bff", "edge");
  }

  private static JsonNode initContainer(JsonNode deployment) {
    for (JsonNode init : podSpec(deployment).path("initContainers")) {
      if (init.path("name").asText().equals("envoy-config")) {
        return init;
      }
    }
    return null;
  }

  /** The container's environment as Kubernetes builds it from literal values and ConfigMaps (Secrets left out). */
  private static Map<String, String> environment(Rendered rendered, JsonNode container) {
    Map<String, String> env = new HashMap<>();
    container.path("envFrom").forEach(from -> {
      if (from.has("configMapRef")) {
        env.putAll(rendered.configMap(from.path("configMapRef").path("name").asText()));
      }
    });
    container.path("env").forEach(variable -> {
      if (variable.has("value")) {
        env.put(variable.path("name").asText(), variable.path("value").asText());
      } else if (variable.path("valueFrom").has("configMapKeyRef")) {
        JsonNode ref = variable.path("valueFrom").path("configMapKeyRef");
        env.put(variable.path("name").asText(), rendered.configMap(ref.path("name").asText()).get(ref.path("key").asText()));
      }
    });
    return env;
  }

  private static List<String> mountPaths(JsonNode container) {
    List<String> paths = new ArrayList<>();
    container.path("volumeMounts").forEach(mount -> paths.add(mount.path("mountPath").asText()));
    return paths;
  }
}
