package io.fitmesh.deploy;

import static io.fitmesh.deploy.Rendered.podSpec;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What dev and prod each add to the base. */
class OverlayTest {
  private static final List<String> PODS = Stream.concat(CodeFacts.DEPLOYABLE_MODULES.keySet().stream(),
      Stream.of("edge")).sorted().toList();

  @Test
  void dev_runsOneReplicaOfEach_againstSingleNodePulsarScyllaAndRedisInTheCluster() {
    Rendered dev = Rendered.overlay("dev");

    for (String name : PODS) {
      assertThat(dev.get("Deployment", name).path("spec").path("replicas").asInt()).as(name).isEqualTo(1);
    }
    for (String backend : List.of("pulsar", "scylla", "redis")) {
      assertThat(dev.get("StatefulSet", backend).path("spec").path("replicas").asInt()).isEqualTo(1);
      assertThat(dev.get("Service", backend)).isNotNull();
    }
    assertThat(dev.configMap("fitmesh-settings"))
        .containsEntry("FITMESH_PULSAR_URL", "pulsar://pulsar:6650")
        .containsEntry("FITMESH_CQL_CONTACT_POINTS", "scylla:9042")
        .containsEntry("FITMESH_REDIS_ADDRESS", "redis://redis:6379");
    assertThat(dev.configMap("fitmesh-reco-settings").get("FITMESH_COMMERCE_PARTNERS"))
        .contains("DE=http://127.0.0.1:9190/de");
  }

  @Test
  void dev_issuesEveryMeshCertificate_withItsSpiffeIdentity_fromOneMeshCa() {
    Rendered dev = Rendered.overlay("dev");

    for (String name : PODS) {
      JsonNode spec = dev.get("Certificate", "mesh-tls-" + name).path("spec");
      assertThat(spec.path("secretName").asText()).isEqualTo("mesh-tls-" + name);
      assertThat(spec.path("uris").get(0).asText()).isEqualTo("spiffe://fitmesh/" + name);
      assertThat(spec.path("uris")).hasSize(1);
      assertThat(spec.path("usages").toString()).contains("server auth").contains("client auth");
      assertThat(spec.path("issuerRef").path("name").asText()).isEqualTo("fitmesh-mesh-ca");
    }
    assertThat(dev.get("Issuer", "fitmesh-mesh-ca").path("spec").path("ca").path("secretName").asText())
        .isEqualTo("fitmesh-mesh-ca");
    assertThat(dev.get("Certificate", "fitmesh-mesh-ca").path("spec").path("isCA").asBoolean()).isTrue();
    assertThat(dev.get("Certificate", "edge-tls").path("spec").path("secretName").asText()).isEqualTo("edge-tls");
  }

  @Test
  void dev_rendersEverySecretAndConfigMapItsPodsUse() {
    Rendered dev = Rendered.overlay("dev");
    Set<String> secrets = new TreeSet<>();
    dev.ofKind("Secret").forEach(s -> secrets.add(s.path("metadata").path("name").asText()));
    dev.ofKind("Certificate").forEach(c -> secrets.add(c.path("spec").path("secretName").asText()));
    Set<String> configMaps = new TreeSet<>();
    dev.ofKind("ConfigMap").forEach(c -> configMaps.add(c.path("metadata").path("name").asText()));

    for (JsonNode deployment : dev.ofKind("Deployment")) {
      String name = deployment.path("metadata").path("name").asText();
      for (JsonNode volume : podSpec(deployment).path("volumes")) {
        JsonNode secret = volume.path("secret");
        if (secret.has("secretName") && !secret.path("optional").asBoolean()) {
          assertThat(secrets).as(name).contains(secret.path("secretName").asText());
        }
      }
      assertThat(new TreeSet<>(podSpec(deployment).findValuesAsText("name").stream()
          .filter(n -> n.startsWith("fitmesh-") && n.endsWith("-settings")).toList()))
          .as(name).isSubsetOf(configMaps);
      podSpec(deployment).findValues("secretKeyRef").forEach(ref ->
          assertThat(secrets).as(name).contains(ref.path("name").asText()));
    }
  }

  @Test
  void prod_runsTwoOrMoreOfEach_autoscaledOnCpu_withABudget_limits_andSpreadOverNodes() {
    Rendered prod = Rendered.overlay("prod");

    for (String name : PODS) {
      JsonNode deployment = prod.get("Deployment", name);
      JsonNode hpa = prod.get("HorizontalPodAutoscaler", name).path("spec");
      JsonNode pdb = prod.get("PodDisruptionBudget", name).path("spec");

      assertThat(deployment.path("spec").path("replicas").asInt()).as(name).isGreaterThanOrEqualTo(2);
      assertThat(hpa.path("scaleTargetRef").path("name").asText()).isEqualTo(name);
      assertThat(hpa.path("minReplicas").asInt()).as(name).isGreaterThanOrEqualTo(2)
          .isEqualTo(deployment.path("spec").path("replicas").asInt());
      assertThat(hpa.path("maxReplicas").asInt()).as(name).isGreaterThan(hpa.path("minReplicas").asInt());
      assertThat(hpa.path("metrics").get(0).path("resource").path("name").asText()).isEqualTo("cpu");
      assertThat(hpa.path("metrics").get(0).path("resource").path("target").path("averageUtilization").asInt())
          .isBetween(50, 80);
      assertThat(pdb.path("maxUnavailable").asInt()).as(name).isEqualTo(1);
      assertThat(pdb.path("selector").path("matchLabels")).isEqualTo(
          deployment.path("spec").path("selector").path("matchLabels"));

      JsonNode pod = podSpec(deployment);
      for (String group : List.of("initContainers", "containers")) {
        for (JsonNode c : pod.path(group)) {
          JsonNode resources = c.path("resources");
          assertThat(resources.path("requests").has("cpu") && resources.path("requests").has("memory")
              && resources.path("limits").has("cpu") && resources.path("limits").has("memory"))
              .as(name + "/" + c.path("name").asText() + " has cpu and memory requests and limits").isTrue();
        }
      }
      JsonNode term = pod.path("affinity").path("podAntiAffinity")
          .path("preferredDuringSchedulingIgnoredDuringExecution").get(0).path("podAffinityTerm");
      assertThat(term.path("topologyKey").asText()).as(name).isEqualTo("kubernetes.io/hostname");
      assertThat(term.path("labelSelector").path("matchLabels")).as(name).isEqualTo(
          deployment.path("spec").path("selector").path("matchLabels"));
    }
  }

  @Test
  void prod_usesExternalBackends_andRendersNoSecretValues() {
    Rendered prod = Rendered.overlay("prod");
    Map<String, String> settings = prod.configMap("fitmesh-settings");

    assertThat(prod.ofKind("StatefulSet")).isEmpty();
    assertThat(prod.ofKind("Secret")).as("secrets come from the cluster's secret store").isEmpty();
    assertThat(settings.get("FITMESH_PULSAR_URL")).isNotEqualTo("pulsar://pulsar:6650").contains(".svc.");
    assertThat(settings.get("FITMESH_CQL_CONTACT_POINTS")).isNotEqualTo("scylla:9042");
    assertThat(settings.get("FITMESH_REDIS_ADDRESS")).isNotEqualTo("redis://redis:6379");
    assertThat(settings.get("FITMESH_CQL_REPLICATION")).contains("NetworkTopologyStrategy")
        .contains("'" + settings.get("FITMESH_CQL_LOCAL_DC") + "': 3");
    assertThat(prod.configMap("fitmesh-social-settings"))
        .containsEntry("FITMESH_APNS_KEY_FILE", "/etc/fitmesh/push/apns-key.p8")
        .containsEntry("FITMESH_FCM_CREDENTIALS", "/etc/fitmesh/push/fcm-credentials.json");
    JsonNode social = podSpec(prod.get("Deployment", "social"));
    assertThat(social.path("volumes").findParents("secretName").stream()
        .filter(v -> v.path("secretName").asText().equals("fitmesh-push")).toList())
        .singleElement().satisfies(v -> assertThat(v.path("optional").asBoolean()).as("required in prod").isFalse());
  }
}
