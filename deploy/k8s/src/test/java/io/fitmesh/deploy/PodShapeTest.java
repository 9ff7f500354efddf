package io.fitmesh.deploy;

import static io.fitmesh.deploy.Rendered.container;
import static io.fitmesh.deploy.Rendered.names;
import static io.fitmesh.deploy.Rendered.podSpec;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every deployable's pod has one shape: the init container renders the sidecar's config, the sidecar fronts the service. */
class PodShapeTest {
  private static final String ENVOY_IMAGE = "envoyproxy/envoy:v1.35.3";

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void eachDeployable_runsItsServiceBehindAnEnvoySidecar_configuredByTheInitContainer(String overlay) {
    Rendered rendered = Rendered.overlay(overlay);
    for (String name : CodeFacts.DEPLOYABLE_MODULES.keySet()) {
      JsonNode deployment = rendered.get("Deployment", name);
      JsonNode pod = podSpec(deployment);
      List<String> containers = new ArrayList<>(names(pod.path("containers")));
      if (overlay.equals("dev") && name.equals("reco")) {
        assertThat(containers.remove("catalogue")).as("dev reco runs the reference catalogue beside it").isTrue();
      }

      assertThat(containers).as(name).containsExactlyInAnyOrder("service", "envoy");
      assertThat(names(pod.path("initContainers"))).as(name).containsExactly("envoy-config");
      JsonNode init = pod.path("initContainers").get(0);
      assertThat(init.path("image").asText()).startsWith("fitmesh/fitmesh:");
      assertThat(strings(init.path("command"))).containsSubsequence("io.fitmesh.app.FitmeshCli", "envoy", "sidecar",
          name, "--out", "/etc/envoy/envoy.yaml");
      assertThat(container(deployment, "service").path("image").asText()).startsWith("fitmesh/fitmesh:");

      JsonNode envoy = container(deployment, "envoy");
      assertThat(envoy.path("image").asText()).isEqualTo(ENVOY_IMAGE);
      assertThat(strings(envoy.path("args"))).containsSubsequence("-c", "/etc/envoy/envoy.yaml");
      assertThat(envoy.path("ports").findValuesAsText("containerPort")).containsExactlyInAnyOrder("15001", "15021");
      assertThat(envoy.path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo("/ready");
      assertThat(envoy.path("readinessProbe").path("httpGet").path("port").asInt()).isEqualTo(15021);
      assertThat(mounts(envoy)).containsEntry("envoy-config", "/etc/envoy")
          .containsEntry("mesh-tls", "/etc/fitmesh/mesh-tls");
      assertThat(mounts(init)).containsEntry("envoy-config", "/etc/envoy");
      assertThat(volume(pod, "envoy-config").has("emptyDir")).isTrue();
      assertThat(volume(pod, "mesh-tls").path("secret").path("secretName").asText()).isEqualTo("mesh-tls-" + name);

      JsonNode mesh = rendered.get("Service", name);
      assertThat(mesh.path("spec").path("clusterIP").asText()).as("headless, so callers balance over pods")
          .isEqualTo("None");
      assertThat(mesh.path("spec").path("ports").findValuesAsText("name")).containsExactly("mesh");
      assertThat(mesh.path("spec").path("ports").get(0).path("port").asInt()).isEqualTo(15001);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void stoppingPods_drainTheServiceWithinTheSidecarsDrain_withinTheGracePeriod(String overlay) {
    Rendered rendered = Rendered.overlay(overlay);
    Duration serviceDrain = Duration.parse("PT" + rendered.configMap("fitmesh-settings").get("FITMESH_DRAIN_TIMEOUT")
        .toUpperCase());
    assertThat(serviceDrain).isEqualTo(Duration.ofSeconds(20));
    for (JsonNode deployment : rendered.ofKind("Deployment")) {
      String name = deployment.path("metadata").path("name").asText();
      long grace = podSpec(deployment).path("terminationGracePeriodSeconds").asLong();
      JsonNode envoy = container(deployment, "envoy");
      List<String> args = strings(envoy.path("args"));
      long envoyDrain = Long.parseLong(args.get(args.indexOf("--drain-time-s") + 1));
      String preStop = String.join(" ", strings(envoy.path("lifecycle").path("preStop").path("exec").path("command")));

      assertThat(grace).as(name).isEqualTo(45);
      assertThat(envoyDrain).as(name + ": the sidecar outlives the service's drain").isGreaterThan(
          serviceDrain.toSeconds());
      assertThat(grace).as(name).isGreaterThan(envoyDrain);
      assertThat(preStop).as(name).contains("POST /drain_listeners?graceful").contains("sleep " + envoyDrain);
      if (!name.equals("edge")) {
        assertThat(preStop).as(name + " drains inbound only: the service still calls out").contains("&inboundonly");
        assertThat(preStop).contains("/dev/tcp/127.0.0.1/15000");
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void theEdge_terminatesTlsOn10443_behindALoadBalancerOn443_withItsSettingsAndCertificates(String overlay) {
    Rendered rendered = Rendered.overlay(overlay);
    JsonNode edge = rendered.get("Deployment", "edge");
    JsonNode pod = podSpec(edge);

    assertThat(names(pod.path("containers"))).containsExactly("envoy");
    JsonNode init = pod.path("initContainers").get(0);
    assertThat(strings(init.path("command"))).containsSubsequence("io.fitmesh.app.FitmeshCli", "envoy", "edge",
        "--out", "/etc/envoy/envoy.yaml");
    assertThat(init.path("envFrom").findValuesAsText("name")).containsExactly("fitmesh-edge-settings");
    assertThat(rendered.configMap("fitmesh-edge-settings")).containsOnlyKeys(CodeFacts.EDGE_SETTINGS);
    JsonNode envoy = container(edge, "envoy");
    assertThat(mounts(envoy)).containsEntry("edge-tls", "/etc/fitmesh/edge-tls")
        .containsEntry("mesh-tls", "/etc/fitmesh/mesh-tls");
    assertThat(volume(pod, "edge-tls").path("secret").path("secretName").asText()).isEqualTo("edge-tls");
    assertThat(volume(pod, "mesh-tls").path("secret").path("secretName").asText()).isEqualTo("mesh-tls-edge");

    JsonNode service = rendered.get("Service", "edge").path("spec");
    assertThat(service.path("type").asText()).isEqualTo("LoadBalancer");
    Map<Integer, String> ports = new TreeMap<>();
    service.path("ports").forEach(p -> ports.put(p.path("port").asInt(), p.path("targetPort").asText()));
    assertThat(ports).containsExactlyEntriesOf(new TreeMap<>(Map.of(443, "https", 15021, "health")));
    Map<String, Integer> named = new TreeMap<>();
    envoy.path("ports").forEach(p -> named.put(p.path("name").asText(), p.path("containerPort").asInt()));
    assertThat(named).containsEntry("https", 10443).containsEntry("health", 15021);
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void services_readTheirSecretAndTheEdgesTokenSettings_fromOneSource(String overlay) {
    Rendered rendered = Rendered.overlay(overlay);
    for (String name : CodeFacts.DEPLOYABLE_MODULES.keySet()) {
      JsonNode service = container(rendered.get("Deployment", name), "service");
      Map<String, String> refs = new TreeMap<>();
      service.path("env").forEach(e -> {
        JsonNode from = e.path("valueFrom");
        JsonNode ref = from.has("secretKeyRef") ? from.path("secretKeyRef") : from.path("configMapKeyRef");
        refs.put(e.path("name").asText(), ref.path("name").asText() + "/" + ref.path("key").asText());
      });

      assertThat(refs).as(name).containsEntry("FITMESH_SERVICE_SECRET", "fitmesh-service-secret/service-secret")
          .containsEntry("FITMESH_OIDC_ISSUER", "fitmesh-edge-settings/FITMESH_OIDC_ISSUER")
          .containsEntry("FITMESH_OIDC_JWKS_URL", "fitmesh-edge-settings/FITMESH_OIDC_JWKS_URL");
      assertThat(service.path("envFrom").findValuesAsText("name")).as(name)
          .containsExactly("fitmesh-settings", "fitmesh-" + name + "-settings");
    }
    assertThat(rendered.configMap("fitmesh-settings")).containsEntry("FITMESH_BACKENDS", "cluster");
  }

  static List<String> strings(JsonNode array) {
    List<String> list = new ArrayList<>();
    array.forEach(n -> list.add(n.asText()));
    return list;
  }

  private static Map<String, String> mounts(JsonNode container) {
    Map<String, String> mounts = new TreeMap<>();
    container.path("volumeMounts").forEach(m -> mounts.put(m.path("name").asText(), m.path("mountPath").asText()));
    return mounts;
  }

  private static JsonNode volume(JsonNode pod, String name) {
    for (JsonNode v : pod.path("volumes")) {
      if (v.path("name").asText().equals(name)) {
        return v;
      }
    }
    throw new AssertionError("no volume " + name);
  }
}
