package io.fitmesh.deploy;

import static io.fitmesh.deploy.Rendered.container;
import static io.fitmesh.deploy.Rendered.podSpec;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fitmesh.platform.config.PlatformConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The manifests hold to the code: ports, start classes, the settings it reads and who calls whom. */
class DeployablesMatchCodeTest {
  /** Who may reach each deployable's sidecar (15001): its callers in the code, plus the edge for bff and telemetry. */
  private static final Map<String, Set<String>> CALLERS = Map.of(
      "telemetry", Set.of("edge", "bff", "training"),
      "training", Set.of("bff", "telemetry", "reco"),
      "social", Set.of("bff", "challenge", "training", "social"),
      "challenge", Set.of("bff"),
      "reco", Set.of("bff", "reco"),
      "bff", Set.of("edge"));

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void serviceContainerPortsAndProbes_areThePlatformDefaultPorts(String overlay) {
    Rendered rendered = Rendered.overlay(overlay);
    for (String name : CodeFacts.DEPLOYABLE_MODULES.keySet()) {
      JsonNode service = container(rendered.get("Deployment", name), "service");
      int port = PlatformConfig.defaultPort(name);

      assertThat(service.path("ports").findValuesAsText("containerPort")).as(name).containsExactly(
          String.valueOf(port));
      for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
        JsonNode grpc = service.path(probe).path("grpc");
        assertThat(grpc.path("port").asInt()).as(name + " " + probe).isEqualTo(port);
        assertThat(grpc.path("service").asText("")).as(name + " " + probe + " asks for the server's health").isEmpty();
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void everyContainer_startsAClassThatExists_andTheServiceItsOwnMain(String overlay) {
    Rendered rendered = Rendered.overlay(overlay);
    for (JsonNode deployment : rendered.ofKind("Deployment")) {
      List<JsonNode> fitmesh = new ArrayList<>();
      podSpec(deployment).path("initContainers").forEach(fitmesh::add);
      podSpec(deployment).path("containers").forEach(fitmesh::add);
      for (JsonNode c : fitmesh) {
        if (!c.path("image").asText().startsWith("fitmesh/fitmesh")) {
          continue;
        }
        List<String> command = toList(c.path("command"));
        assertThat(command).as(c.path("name").asText()).startsWith("java", "-cp", "/opt/fitmesh/lib/*");
        assertThat(CodeFacts.mainClassExists(command.get(3))).as(command.get(3)).isTrue();
      }
    }
    for (String name : CodeFacts.DEPLOYABLE_MODULES.keySet()) {
      List<String> command = toList(container(rendered.get("Deployment", name), "service").path("command"));
      assertThat(command.get(3)).as(name).endsWith("." + capitalised(name) + "Main")
          .startsWith("io.fitmesh." + name + ".");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void everySettingInTheManifests_isOneTheCodeReads(String overlay) {
    Rendered rendered = Rendered.overlay(overlay);
    Set<String> names = new TreeSet<>();
    for (JsonNode map : rendered.ofKind("ConfigMap")) {
      map.path("data").fieldNames().forEachRemaining(names::add);
    }
    for (JsonNode deployment : rendered.ofKind("Deployment")) {
      for (String group : List.of("initContainers", "containers")) {
        podSpec(deployment).path(group).forEach(c -> c.path("env").forEach(e -> names.add(e.path("name").asText())));
      }
    }

    assertThat(names).contains("FITMESH_BACKENDS", "FITMESH_SERVICE_SECRET", "FITMESH_EDGE_RATE_PER_IP");
    assertThat(names).allSatisfy(name -> assertThat(CodeFacts.codeReads(name) || CodeFacts.JVM_SETTINGS.contains(name))
        .as(name + " is read by the code (services/, platform/, bff/, app/, mesh/)").isTrue());
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void eachDeployable_isGivenTheAddressOfEveryDeployableItCalls_throughItsSidecar(String overlay) {
    Rendered rendered = Rendered.overlay(overlay);
    for (String name : CodeFacts.DEPLOYABLE_MODULES.keySet()) {
      Map<String, String> addresses = new TreeMap<>();
      rendered.configMap("fitmesh-" + name + "-settings").forEach((key, value) -> {
        if (key.endsWith("_ADDRESS")) {
          addresses.put(key, value);
        }
      });
      Map<String, String> expected = CodeFacts.callees(name).stream().collect(Collectors.toMap(
          callee -> "FITMESH_" + callee.toUpperCase(Locale.ROOT) + "_ADDRESS", callee -> "127.0.0.1:15002",
          (a, b) -> a, TreeMap::new));

      assertThat(addresses).as(name).isEqualTo(expected);
    }
    assertThat(CodeFacts.callees("bff")).contains("group", "notification", "promo");
    assertThat(CodeFacts.callees("social")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void eachSidecar_admitsOnlyThePodsThatCallIt(String overlay) {
    Rendered rendered = Rendered.overlay(overlay);
    for (String name : CodeFacts.DEPLOYABLE_MODULES.keySet()) {
      JsonNode policy = rendered.get("NetworkPolicy", name);
      assertThat(policy.path("spec").path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asText())
          .isEqualTo(name);
      assertThat(policy.path("spec").path("ingress")).as(name).hasSize(1);
      JsonNode rule = policy.path("spec").path("ingress").get(0);
      Set<String> from = new TreeSet<>(rule.path("from").findValuesAsText("app.kubernetes.io/name"));

      assertThat(from).as(name).isEqualTo(new TreeSet<>(CALLERS.get(name)));
      assertThat(rule.path("ports").findValuesAsText("port")).as(name).containsExactly("15001");
    }
    for (String caller : CodeFacts.DEPLOYABLE_MODULES.keySet()) {
      for (String callee : CodeFacts.callees(caller)) {
        assertThat(CALLERS.get(PlatformConfig.defaultHost(callee))).as(caller + " calls " + callee).contains(caller);
      }
    }
  }

  private static List<String> toList(JsonNode array) {
    List<String> list = new ArrayList<>();
    array.forEach(n -> list.add(n.asText()));
    return list;
  }

  private static String capitalised(String name) {
    return name.equals("bff") ? "Bff" : name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
  }
}
