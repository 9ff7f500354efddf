package io.fitmesh.mesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.InvalidProtocolBufferException;
import io.envoyproxy.envoy.config.bootstrap.v3.Bootstrap;
import io.envoyproxy.envoy.config.cluster.v3.CircuitBreakers.Thresholds;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.core.v3.TrafficDirection;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.rbac.v3.Permission;
import io.envoyproxy.envoy.config.rbac.v3.Policy;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteMatch;
import io.envoyproxy.envoy.extensions.filters.http.header_mutation.v3.HeaderMutation;
import io.envoyproxy.envoy.extensions.filters.http.jwt_authn.v3.JwtAuthentication;
import io.envoyproxy.envoy.extensions.filters.http.jwt_authn.v3.JwtProvider;
import io.envoyproxy.envoy.extensions.filters.http.jwt_authn.v3.RequirementRule;
import io.envoyproxy.envoy.extensions.filters.http.local_ratelimit.v3.LocalRateLimit;
import io.envoyproxy.envoy.extensions.filters.http.rbac.v3.RBAC;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.TlsParameters.TlsProtocol;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext;
import io.envoyproxy.envoy.extensions.upstreams.http.v3.HttpProtocolOptions;
import io.fitmesh.platform.config.ConfigException;
import io.fitmesh.platform.config.PlatformConfig;
import io.fitmesh.platform.config.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class EnvoyConfigTest {
  private static final Path ROOT = Path.of("../..");
  private static final Map<String, String> EDGE_SETTINGS = Map.of(
      "FITMESH_OIDC_ISSUER", "https://id.example.com/",
      "FITMESH_OIDC_AUDIENCE", "fitmesh-app",
      "FITMESH_OIDC_JWKS_URL", "https://id.example.com/.well-known/jwks.json",
      "FITMESH_EDGE_CORS_ORIGINS", "https://app.fitmesh.example, https://coach.fitmesh.example:8443",
      "FITMESH_EDGE_RATE_PER_IP", "40",
      "FITMESH_EDGE_RATE_PER_ATHLETE", "15");

  // --- the edge ---

  @Test
  void edge_parsesIntoEnvoysBootstrap_andEveryRouteNamesADefinedCluster() throws Exception {
    Bootstrap edge = edge(EDGE_SETTINGS);

    assertThat(EnvoyConfigs.clusterNames(edge)).containsExactlyInAnyOrder("bff", "telemetry", "identity_provider");
    assertEveryRouteTargetsADefinedCluster(edge);
  }

  @Test
  void edge_servesClientsOverTlsOnly_withNothingButTheHealthProbeInPlainText() throws Exception {
    Bootstrap edge = edge(EDGE_SETTINGS);

    DownstreamTlsContext tls = downstreamTls(EnvoyConfigs.listener(edge, "public"));
    assertThat(tls.getCommonTlsContext().getTlsParams().getTlsMinimumProtocolVersion()).isEqualTo(TlsProtocol.TLSv1_2);
    assertThat(tls.getCommonTlsContext().getTlsCertificates(0).getCertificateChain().getFilename())
        .isEqualTo("/etc/fitmesh/edge-tls/tls.crt");
    for (Listener listener : edge.getStaticResources().getListenersList()) {
      boolean plainText = !listener.getFilterChains(0).hasTransportSocket();
      if (plainText) {
        assertThat(listener.getName()).as("the only plain-text listener").isEqualTo("health");
        Route anyPath = routeFor(EnvoyConfigs.connectionManager(listener).getRouteConfig().getVirtualHosts(0)
            .getRoutesList(), "/fitmesh.bff.v1.MobileWorkoutService/ListWorkouts", "POST").orElseThrow();
        assertThat(anyPath.getDirectResponse().getStatus()).isEqualTo(404);
      }
    }
    assertThat(edge.getAdmin().getAddress().getSocketAddress().getAddress()).isEqualTo("127.0.0.1");
  }

  @Test
  void edge_routesOnlyThePublicRpcs() throws Exception {
    List<Route> routes = publicRoutes(edge(EDGE_SETTINGS));

    Map<String, String> routed = new TreeMap<>();
    for (String path : List.of(
        "/fitmesh.telemetry.v1.TelemetryIngestService/StreamSamples",
        "/fitmesh.telemetry.v1.TelemetryIngestService/GetIngestCursor",
        "/fitmesh.telemetry.v1.TelemetryIngestService/ListSamples",
        "/fitmesh.telemetry.v1.TelemetryIngestService/PurgeSamples",
        "/fitmesh.training.v1.TrainingService/GetWorkout",
        "/fitmesh.challenge.v1.LeaderboardService/WatchLeaderboard",
        "/grpc.reflection.v1.ServerReflection/ServerReflectionInfo",
        "/grpc.health.v1.Health/Check",
        "/docs/",
        "/fitmesh.bff.v1.MobileWorkoutService/ListWorkouts",
        "/fitmesh.bff.v1.MobileWorkoutService/WatchWorkout",
        "/v1/workouts")) {
      routed.put(path, routeFor(routes, path, "POST").map(route -> route.getRoute().getCluster()).orElse("-"));
    }

    assertThat(routed).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
        Map.entry("/fitmesh.telemetry.v1.TelemetryIngestService/StreamSamples", "telemetry"),
        Map.entry("/fitmesh.telemetry.v1.TelemetryIngestService/GetIngestCursor", "telemetry"),
        Map.entry("/fitmesh.telemetry.v1.TelemetryIngestService/ListSamples", "-"),
        Map.entry("/fitmesh.telemetry.v1.TelemetryIngestService/PurgeSamples", "-"),
        Map.entry("/fitmesh.training.v1.TrainingService/GetWorkout", "-"),
        Map.entry("/fitmesh.challenge.v1.LeaderboardService/WatchLeaderboard", "-"),
        Map.entry("/grpc.reflection.v1.ServerReflection/ServerReflectionInfo", "-"),
        Map.entry("/grpc.health.v1.Health/Check", "-"),
        Map.entry("/docs/", "-"),
        Map.entry("/fitmesh.bff.v1.MobileWorkoutService/ListWorkouts", "bff"),
        Map.entry("/fitmesh.bff.v1.MobileWorkoutService/WatchWorkout", "bff"),
        Map.entry("/v1/workouts", "bff")));
    assertThat(routeFor(routes, "/v1/workouts", "GET").orElseThrow().getName()).isEqualTo("mobile-json-reads");
  }

  @Test
  void edge_requiresATokenOfTheIdentityProvider_onEveryRoutedPath() throws Exception {
    HttpConnectionManager hcm = EnvoyConfigs.connectionManager(EnvoyConfigs.listener(edge(EDGE_SETTINGS), "public"));
    JwtAuthentication jwt = EnvoyConfigs.httpFilters(hcm, JwtAuthentication.class).get(0);

    JwtProvider provider = jwt.getProvidersOrThrow("identity_provider");
    assertThat(provider.getIssuer()).isEqualTo("https://id.example.com/");
    assertThat(provider.getAudiencesList()).containsExactly("fitmesh-app");
    assertThat(provider.getRequireExpiration()).isTrue();
    assertThat(provider.getMaxLifetime().getSeconds()).isEqualTo(24 * 3600);
    assertThat(provider.getRemoteJwks().getHttpUri().getUri()).isEqualTo("https://id.example.com/.well-known/jwks.json");
    assertThat(provider.getClaimToHeaders(0).getHeaderName()).isEqualTo("x-fitmesh-athlete");
    for (Route route : hcm.getRouteConfig().getVirtualHosts(0).getRoutesList()) {
      String routedPath = route.getMatch().hasPath() ? route.getMatch().getPath()
          : route.getMatch().hasPrefix() ? route.getMatch().getPrefix()
          : route.getMatch().getSafeRegex().getRegex().replace("\\", "");
      assertThat(jwt.getRulesList()).as(route.getName() + " needs a token")
          .anySatisfy(rule -> {
            assertThat(routedPath).startsWith(rule.getMatch().getPrefix());
            assertThat(rule.getRequires().getProviderName()).isEqualTo("identity_provider");
          });
    }
    assertThat(jwt.getRulesList()).extracting(RequirementRule::getMatch).extracting(RouteMatch::getPrefix)
        .doesNotContain("/");
  }

  @Test
  void edge_dropsAClientsOwnAthleteHeader_beforeTheTokenSetsIt() throws Exception {
    HttpConnectionManager hcm = EnvoyConfigs.connectionManager(EnvoyConfigs.listener(edge(EDGE_SETTINGS), "public"));

    List<String> order = hcm.getHttpFiltersList().stream().map(HttpFilter::getName).toList();
    assertThat(order.indexOf("envoy.filters.http.header_mutation")).isLessThan(order.indexOf("envoy.filters.http.jwt_authn"));
    assertThat(EnvoyConfigs.httpFilters(hcm, HeaderMutation.class).get(0).getMutations().getRequestMutations(0)
        .getRemove()).isEqualTo("x-fitmesh-athlete");
  }

  @Test
  void edge_limitsRequestsPerIpAndPerAthlete_answeringResourceExhausted() throws Exception {
    HttpConnectionManager hcm = EnvoyConfigs.connectionManager(EnvoyConfigs.listener(edge(EDGE_SETTINGS), "public"));

    List<LocalRateLimit> limits = EnvoyConfigs.httpFilters(hcm, LocalRateLimit.class);
    assertThat(limits).extracting(LocalRateLimit::getStatPrefix).containsExactly("per_ip", "per_athlete");
    LocalRateLimit perIp = limits.get(0);
    LocalRateLimit perAthlete = limits.get(1);
    assertThat(perIp.getRateLimits(0).getActions(0).hasRemoteAddress()).isTrue();
    assertThat(perIp.getDescriptors(0).getTokenBucket().getTokensPerFill().getValue()).isEqualTo(40);
    assertThat(perIp.getDescriptors(0).getTokenBucket().getMaxTokens()).isEqualTo(80);
    assertThat(perAthlete.getRateLimits(0).getActions(0).getRequestHeaders().getHeaderName())
        .isEqualTo("x-fitmesh-athlete");
    assertThat(perAthlete.getDescriptors(0).getTokenBucket().getTokensPerFill().getValue()).isEqualTo(15);
    for (LocalRateLimit limit : limits) {
      assertThat(limit.getRateLimitedAsResourceExhausted()).as(limit.getStatPrefix()).isTrue();
      assertThat(limit.getFilterEnforced().getDefaultValue().getNumerator()).as(limit.getStatPrefix()).isEqualTo(100);
    }
    List<String> order = hcm.getHttpFiltersList().stream().map(HttpFilter::getName).toList();
    assertThat(order.lastIndexOf("envoy.filters.http.local_ratelimit"))
        .as("the per-athlete limit reads the header jwt_authn sets").isGreaterThan(order.indexOf("envoy.filters.http.jwt_authn"));
  }

  @Test
  void edge_reachesEachUpstreamOverMutualTls_withCircuitBreakersAndOutlierDetection() throws Exception {
    Bootstrap edge = edge(EDGE_SETTINGS);

    for (String name : List.of("bff", "telemetry")) {
      Cluster cluster = EnvoyConfigs.cluster(edge, name);
      assertMeshUpstream(cluster, name);
    }
  }

  @Test
  void edge_allowsCorsOnlyFromTheConfiguredOrigins() throws Exception {
    HttpConnectionManager hcm = EnvoyConfigs.connectionManager(EnvoyConfigs.listener(edge(EDGE_SETTINGS), "public"));
    HttpConnectionManager none = EnvoyConfigs.connectionManager(EnvoyConfigs.listener(
        edge(without(EDGE_SETTINGS, "FITMESH_EDGE_CORS_ORIGINS")), "public"));

    assertThat(hcm.getRouteConfig().getVirtualHosts(0).getCors().getAllowOriginStringMatchList())
        .extracting(m -> m.getExact())
        .containsExactly("https://app.fitmesh.example", "https://coach.fitmesh.example:8443");
    assertThat(none.getRouteConfig().getVirtualHosts(0).getCors().getAllowOriginStringMatchList()).isEmpty();
  }

  @Test
  void edgeSettingsThatWouldWeakenIt_stopTheRender_namingTheSetting() {
    Map<String, String> httpJwks = new HashMap<>(EDGE_SETTINGS);
    httpJwks.put("FITMESH_OIDC_JWKS_URL", "http://id.example.com/jwks.json");
    Map<String, String> wildcard = new HashMap<>(EDGE_SETTINGS);
    wildcard.put("FITMESH_EDGE_CORS_ORIGINS", "https://app.fitmesh.example,*");
    Map<String, String> noLimit = new HashMap<>(EDGE_SETTINGS);
    noLimit.put("FITMESH_EDGE_RATE_PER_IP", "0");

    assertThatThrownBy(() -> EnvoyTemplates.edge(Settings.of(httpJwks)))
        .isInstanceOf(ConfigException.class).hasMessageContaining("FITMESH_OIDC_JWKS_URL");
    assertThatThrownBy(() -> EnvoyTemplates.edge(Settings.of(wildcard)))
        .isInstanceOf(ConfigException.class).hasMessageContaining("FITMESH_EDGE_CORS_ORIGINS");
    assertThatThrownBy(() -> EnvoyTemplates.edge(Settings.of(noLimit)))
        .isInstanceOf(ConfigException.class).hasMessageContaining("FITMESH_EDGE_RATE_PER_IP");
    assertThatThrownBy(() -> EnvoyTemplates.edge(Settings.of(without(EDGE_SETTINGS, "FITMESH_OIDC_ISSUER"))))
        .isInstanceOf(ConfigException.class).hasMessageContaining("FITMESH_OIDC_ISSUER");
  }

  // --- the sidecars ---

  @Test
  void sidecar_rendersForEveryHost_intoABootstrapWithAClusterPerCallee() throws Exception {
    for (String host : EnvoyTemplates.HOSTS) {
      Bootstrap sidecar = sidecar(host);

      Set<String> expected = new TreeSet<>(EnvoyTemplates.calleesOf(host));
      expected.add("local_service");
      assertThat(EnvoyConfigs.clusterNames(sidecar)).as(host).isEqualTo(expected);
      assertEveryRouteTargetsADefinedCluster(sidecar);
      assertThat(EnvoyConfigs.cluster(sidecar, "local_service").getLoadAssignment().getEndpoints(0)
          .getLbEndpoints(0).getEndpoint().getAddress().getSocketAddress().getPortValue())
          .isEqualTo(PlatformConfig.defaultPort(host));
      for (String callee : EnvoyTemplates.calleesOf(host)) {
        assertMeshUpstream(EnvoyConfigs.cluster(sidecar, callee), callee);
      }
    }
  }

  @Test
  void sidecar_servesTheLocalServiceOnTheSettingsPort() throws Exception {
    Bootstrap sidecar = EnvoyConfigs.parse(EnvoyTemplates.sidecar("training",
        Settings.of(Map.of("FITMESH_TRAINING_PORT", "7070"))));

    assertThat(EnvoyConfigs.cluster(sidecar, "local_service").getLoadAssignment().getEndpoints(0)
        .getLbEndpoints(0).getEndpoint().getAddress().getSocketAddress().getPortValue()).isEqualTo(7070);
    assertThatThrownBy(() -> EnvoyTemplates.sidecar("group", Settings.of(Map.of())))
        .isInstanceOf(ConfigException.class).hasMessageContaining("group");
  }

  @Test
  void sidecar_acceptsOnlyMutualTlsWithAMeshIdentity() throws Exception {
    for (String host : EnvoyTemplates.HOSTS) {
      Listener inbound = EnvoyConfigs.listener(sidecar(host), "inbound");

      DownstreamTlsContext tls = downstreamTls(inbound);
      assertThat(inbound.getTrafficDirection()).isEqualTo(TrafficDirection.INBOUND);
      assertThat(tls.getRequireClientCertificate().getValue()).as(host).isTrue();
      assertThat(tls.getCommonTlsContext().getTlsParams().getTlsMinimumProtocolVersion()).isEqualTo(TlsProtocol.TLSv1_3);
      assertThat(tls.getCommonTlsContext().getValidationContext().getTrustedCa().getFilename())
          .isEqualTo("/etc/fitmesh/mesh-tls/ca.crt");
      assertThat(tls.getCommonTlsContext().getValidationContext().getMatchTypedSubjectAltNames(0).getMatcher()
          .getPrefix()).isEqualTo("spiffe://fitmesh/");
      assertThat(EnvoyConfigs.listener(sidecar(host), "outbound").getAddress().getSocketAddress().getAddress())
          .as("the outbound listener is the pod's own").isEqualTo("127.0.0.1");
    }
  }

  @Test
  void sidecar_letsInOnlyTheDeployablesThatCallIt_andTheEdgeOnlyOnThePublicRpcs() throws Exception {
    for (String host : EnvoyTemplates.HOSTS) {
      RBAC rbac = EnvoyConfigs.httpFilters(
          EnvoyConfigs.connectionManager(EnvoyConfigs.listener(sidecar(host), "inbound")), RBAC.class).get(0);

      Map<String, Policy> policies = rbac.getRules().getPoliciesMap();
      Set<String> callers = new TreeSet<>(policies.keySet());
      callers.remove("health-checks");
      assertThat(callers).as(host).isEqualTo(new TreeSet<>(EnvoyTemplates.CALLERS.get(host)));
      for (String caller : callers) {
        assertThat(policies.get(caller).getPrincipals(0).getAuthenticated().getPrincipalName().getExact())
            .isEqualTo("spiffe://fitmesh/" + caller);
      }
      Policy health = policies.get("health-checks");
      assertThat(health.getPermissions(0).getUrlPath().getPath().getExact()).isEqualTo("/grpc.health.v1.Health/Check");
      if (callers.contains("edge")) {
        assertThat(policies.get("edge").getPermissionsList()).noneMatch(Permission::getAny);
        assertThat(policies.get("edge").getPermissionsList()).allSatisfy(p -> assertThat(p.hasUrlPath()).isTrue());
      }
    }
    assertThat(edgePaths("telemetry")).containsExactlyInAnyOrder(
        "/fitmesh.telemetry.v1.TelemetryIngestService/StreamSamples",
        "/fitmesh.telemetry.v1.TelemetryIngestService/GetIngestCursor");
  }

  @Test
  void theCallersEachSidecarLetsIn_areExactlyTheCallsInTheCode() throws IOException {
    Pattern stub = Pattern.compile("(?:stub|streamingStub)\\(\"([a-z]+)\"");
    Map<String, Set<String>> callersInCode = new TreeMap<>();
    Map<String, Path> sources = new TreeMap<>();
    for (String host : EnvoyTemplates.HOSTS) {
      sources.put(host, host.equals("bff") ? ROOT.resolve("bff/src/main/java") : ROOT.resolve("services/" + host + "/src/main/java"));
    }
    for (Map.Entry<String, Path> caller : sources.entrySet()) {
      try (Stream<Path> files = Files.walk(caller.getValue())) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
          Matcher m = stub.matcher(Files.readString(file));
          while (m.find()) {
            callersInCode.computeIfAbsent(PlatformConfig.defaultHost(m.group(1)), k -> new TreeSet<>()).add(caller.getKey());
          }
        }
      }
    }
    callersInCode.computeIfAbsent("telemetry", k -> new TreeSet<>()).add("edge");
    callersInCode.computeIfAbsent("bff", k -> new TreeSet<>()).add("edge");

    Map<String, Set<String>> allowed = new TreeMap<>();
    EnvoyTemplates.CALLERS.forEach((host, callers) -> allowed.put(host, new TreeSet<>(callers)));
    assertThat(callersInCode).isEqualTo(allowed);
  }

  // --- both ---

  @Test
  void streamingRpcs_haveNoTotalTimeout_onlyAnIdleOne_wherever_theyAreRouted() throws Exception {
    Map<String, Bootstrap> configs = new TreeMap<>();
    configs.put("edge", edge(EDGE_SETTINGS));
    for (String host : EnvoyTemplates.HOSTS) {
      configs.put(host, sidecar(host));
    }

    List<String> streams = streamingRpcsInTheProtos();
    assertThat(streams).contains("/fitmesh.telemetry.v1.TelemetryIngestService/StreamSamples",
        "/fitmesh.bff.v1.MobileChallengeService/WatchLeaderboard");
    Set<String> routedSomewhere = new TreeSet<>();
    for (Map.Entry<String, Bootstrap> config : configs.entrySet()) {
      for (String listener : List.of("public", "outbound", "inbound")) {
        if (config.getValue().getStaticResources().getListenersList().stream().noneMatch(l -> l.getName().equals(listener))) {
          continue;
        }
        List<Route> routes = EnvoyConfigs.connectionManager(EnvoyConfigs.listener(config.getValue(), listener))
            .getRouteConfig().getVirtualHosts(0).getRoutesList();
        for (String stream : streams) {
          Optional<Route> route = routeFor(routes, stream, "POST");
          if (route.isEmpty()) {
            continue;
          }
          routedSomewhere.add(stream);
          String where = config.getKey() + "/" + listener + " " + route.get().getName() + " for " + stream;
          assertThat(route.get().getRoute().getTimeout().getSeconds()).as(where).isZero();
          assertThat(route.get().getRoute().getIdleTimeout().getSeconds()).as(where).isPositive();
          assertThat(route.get().getRoute().getMaxStreamDuration().hasMaxStreamDuration()).as(where).isFalse();
        }
      }
    }
    assertThat(routedSomewhere).containsExactlyInAnyOrderElementsOf(streams);
  }

  @Test
  void aMisspeltField_failsTheParse() {
    String misspelt = EnvoyTemplates.edge(Settings.of(EDGE_SETTINGS)).replaceFirst("connect_timeout", "conect_timeout");

    assertThatThrownBy(() -> EnvoyConfigs.parse(misspelt))
        .isInstanceOf(InvalidProtocolBufferException.class)
        .hasMessageContaining("conect_timeout");
  }

  @Test
  void aRouteToAnUndefinedCluster_isCaught() throws Exception {
    Bootstrap broken = EnvoyConfigs.parse(
        EnvoyTemplates.edge(Settings.of(EDGE_SETTINGS)).replace("cluster: telemetry\n", "cluster: telemetri\n"));

    assertThatThrownBy(() -> assertEveryRouteTargetsADefinedCluster(broken))
        .hasMessageContaining("telemetri");
  }

  @Test
  void aRenderIsTheSameTextEveryTime() {
    assertThat(EnvoyTemplates.sidecar("bff", Settings.of(Map.of())))
        .isEqualTo(EnvoyTemplates.sidecar("bff", Settings.of(Map.of())));
  }

  // --- helpers ---

  private static Bootstrap edge(Map<String, String> settings) throws IOException {
    return EnvoyConfigs.parse(EnvoyTemplates.edge(Settings.of(settings)));
  }

  private static Bootstrap sidecar(String host) throws IOException {
    return EnvoyConfigs.parse(EnvoyTemplates.sidecar(host, Settings.of(Map.of())));
  }

  private static Map<String, String> without(Map<String, String> settings, String name) {
    Map<String, String> copy = new HashMap<>(settings);
    copy.remove(name);
    return copy;
  }

  private static List<String> edgePaths(String host) throws IOException {
    RBAC rbac = EnvoyConfigs.httpFilters(
        EnvoyConfigs.connectionManager(EnvoyConfigs.listener(sidecar(host), "inbound")), RBAC.class).get(0);
    return rbac.getRules().getPoliciesOrThrow("edge").getPermissionsList().stream()
        .map(p -> p.getUrlPath().getPath().getExact()).toList();
  }

  private static List<Route> publicRoutes(Bootstrap edge) throws IOException {
    return EnvoyConfigs.connectionManager(EnvoyConfigs.listener(edge, "public")).getRouteConfig().getVirtualHosts(0)
        .getRoutesList();
  }

  /** The route Envoy would pick: the first whose path matcher and :method header (if any) match. */
  private static Optional<Route> routeFor(List<Route> routes, String path, String method) {
    for (Route route : routes) {
      RouteMatch match = route.getMatch();
      boolean pathMatches = switch (match.getPathSpecifierCase()) {
        case PATH -> match.getPath().equals(path);
        case PREFIX -> path.startsWith(match.getPrefix());
        case SAFE_REGEX -> path.matches(match.getSafeRegex().getRegex());
        default -> throw new AssertionError("unexpected matcher in " + route.getName());
      };
      boolean methodMatches = match.getHeadersList().stream()
          .filter(h -> h.getName().equals(":method"))
          .allMatch(h -> h.getStringMatch().getExact().equals(method));
      if (pathMatches && methodMatches) {
        return Optional.of(route);
      }
    }
    return Optional.empty();
  }

  /** Every server-, client- or bidi-streaming RPC declared in the protos, as its HTTP/2 path. */
  private static List<String> streamingRpcsInTheProtos() throws IOException {
    Pattern pkg = Pattern.compile("^package ([a-z0-9.]+);", Pattern.MULTILINE);
    Pattern service = Pattern.compile("service (\\w+) \\{(.*?)\\n}", Pattern.DOTALL);
    Pattern rpc = Pattern.compile("rpc (\\w+)\\((stream )?\\w+\\) returns \\((stream )?\\w+\\)");
    List<String> paths = new ArrayList<>();
    try (Stream<Path> files = Files.walk(ROOT.resolve("proto/src/main/proto"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".proto")).toList()) {
        String text = Files.readString(file);
        Matcher p = pkg.matcher(text);
        if (!p.find()) {
          continue;
        }
        Matcher s = service.matcher(text);
        while (s.find()) {
          Matcher r = rpc.matcher(s.group(2));
          while (r.find()) {
            if (r.group(2) != null || r.group(3) != null) {
              paths.add("/" + p.group(1) + "." + s.group(1) + "/" + r.group(1));
            }
          }
        }
      }
    }
    return paths.stream().sorted().collect(Collectors.toList());
  }

  private static DownstreamTlsContext downstreamTls(Listener listener) throws InvalidProtocolBufferException {
    return listener.getFilterChains(0).getTransportSocket().getTypedConfig().unpack(DownstreamTlsContext.class);
  }

  private static void assertMeshUpstream(Cluster cluster, String name) throws InvalidProtocolBufferException {
    UpstreamTlsContext tls = cluster.getTransportSocket().getTypedConfig().unpack(UpstreamTlsContext.class);
    assertThat(tls.getCommonTlsContext().getTlsCertificates(0).getCertificateChain().getFilename())
        .as(name + " presents the mesh certificate").isEqualTo("/etc/fitmesh/mesh-tls/tls.crt");
    assertThat(tls.getCommonTlsContext().getValidationContext().getMatchTypedSubjectAltNames(0).getMatcher().getExact())
        .isEqualTo("spiffe://fitmesh/" + name);
    Thresholds limits = cluster.getCircuitBreakers().getThresholds(0);
    assertThat(limits.getMaxRequests().getValue()).as(name).isPositive();
    assertThat(limits.getMaxPendingRequests().getValue()).as(name).isPositive();
    assertThat(cluster.getOutlierDetection().getConsecutive5Xx().getValue()).as(name).isPositive();
    assertThat(cluster.getOutlierDetection().getMaxEjectionPercent().getValue()).as(name).isBetween(1, 50);
    assertThat(cluster.getHealthChecks(0).hasGrpcHealthCheck()).as(name).isTrue();
    assertThat(cluster.getLoadAssignment().getEndpoints(0).getLbEndpoints(0).getEndpoint().getAddress()
        .getSocketAddress().getPortValue()).isEqualTo(15001);
    assertThat(cluster.getTypedExtensionProtocolOptionsOrThrow("envoy.extensions.upstreams.http.v3.HttpProtocolOptions")
        .unpack(HttpProtocolOptions.class).getExplicitHttpConfig().hasHttp2ProtocolOptions()).isTrue();
  }

  private static void assertEveryRouteTargetsADefinedCluster(Bootstrap bootstrap) throws Exception {
    Set<String> clusters = EnvoyConfigs.clusterNames(bootstrap);
    for (Route route : EnvoyConfigs.routes(bootstrap)) {
      if (route.hasRoute()) {
        assertThat(clusters).as("route " + route.getName() + " targets a defined cluster")
            .contains(route.getRoute().getCluster());
      }
    }
  }
}
