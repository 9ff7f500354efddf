package io.fitmesh.mesh;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fitmesh.platform.config.ConfigException;
import io.fitmesh.platform.config.PlatformConfig;
import io.fitmesh.platform.config.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Renders the edge Envoy's and each sidecar Envoy's config from the templates beside this class and settings:
 * who may call whom (RBAC), which gRPC packages go to which deployable, and the edge's identity provider, CORS
 * origins and rate limits. A setting that would weaken the edge (an http JWKS URL, a wildcard origin, no rate
 * limit) stops the render with a {@link ConfigException} naming it.
 */
public final class EnvoyTemplates {
  /** The deployables that run as their own pods; the others run inside one of these (PlatformConfig.defaultHost). */
  public static final List<String> HOSTS = PlatformConfig.DEPLOYABLES.stream()
      .filter(name -> PlatformConfig.defaultHost(name).equals(name))
      .toList();

  /** The edge's name in the mesh (spiffe://fitmesh/edge). */
  public static final String EDGE = "edge";

  /** Who calls each host deployable: the only peers its sidecar lets in (the edge on the public RPCs only). */
  public static final Map<String, Set<String>> CALLERS = Map.of(
      "telemetry", Set.of(EDGE, "bff", "training"),
      "training", Set.of("bff", "telemetry", "reco"),
      "social", Set.of("bff", "challenge", "training", "social"),
      "challenge", Set.of("bff"),
      "reco", Set.of("bff", "reco"),
      "bff", Set.of(EDGE));

  /** The paths the edge may call on each host it routes to (the public RPCs; the rest answers 404 at the edge). */
  static final Map<String, List<Map<String, String>>> EDGE_PATHS = Map.of(
      "telemetry", List.of(
          Map.of("exact", "/fitmesh.telemetry.v1.TelemetryIngestService/StreamSamples"),
          Map.of("exact", "/fitmesh.telemetry.v1.TelemetryIngestService/GetIngestCursor")),
      "bff", List.of(Map.of("prefix", "/v1/"), Map.of("prefix", "/fitmesh.bff.v1.")));

  /** Streaming RPCs between services: routed with no total timeout, only an idle one. */
  static final List<String> INTERNAL_STREAMS = List.of(
      "/fitmesh.telemetry.v1.TelemetryIngestService/StreamSamples",
      "/fitmesh.challenge.v1.LeaderboardService/WatchLeaderboard",
      "/fitmesh.notification.v1.NotificationService/WatchNotifications");

  private static final String HEALTH_CHECK = "/grpc.health.v1.Health/Check";
  private static final String MESH_IDENTITY = "spiffe://fitmesh/";
  private static final Pattern ORIGIN = Pattern.compile("https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?");
  private static final ObjectMapper JSON = new ObjectMapper();

  private EnvoyTemplates() {}

  /** The edge Envoy's config. */
  public static String edge(Settings settings) {
    String why = "the edge verifies the identity provider's tokens";
    String issuer = settings.required("FITMESH_OIDC_ISSUER", why);
    String audience = settings.required("FITMESH_OIDC_AUDIENCE", why);
    URI jwks = httpsUrl("FITMESH_OIDC_JWKS_URL", settings.required("FITMESH_OIDC_JWKS_URL", why));
    int perIp = settings.intInRange("FITMESH_EDGE_RATE_PER_IP", 50, 1, 100_000);
    int perAthlete = settings.intInRange("FITMESH_EDGE_RATE_PER_ATHLETE", 20, 1, 100_000);
    Duration maxLifetime = settings.durationInRange("FITMESH_TOKEN_MAX_LIFETIME", Duration.ofHours(24),
        Duration.ofMinutes(1), Duration.ofDays(30));
    Duration skew = settings.durationInRange("FITMESH_TOKEN_CLOCK_SKEW", Duration.ofSeconds(30),
        Duration.ZERO, Duration.ofMinutes(5));
    Map<String, String> values = new LinkedHashMap<>();
    values.put("CORS_ORIGINS", json(corsOrigins(settings.string("FITMESH_EDGE_CORS_ORIGINS", ""))));
    values.put("RATE_PER_IP", Integer.toString(perIp));
    values.put("RATE_PER_IP_BURST", Integer.toString(2 * perIp));
    values.put("RATE_PER_ATHLETE", Integer.toString(perAthlete));
    values.put("RATE_PER_ATHLETE_BURST", Integer.toString(2 * perAthlete));
    values.put("OIDC_ISSUER", json(issuer));
    values.put("OIDC_AUDIENCE", json(audience));
    values.put("OIDC_JWKS_URL", json(jwks.toString()));
    values.put("OIDC_JWKS_HOST", json(jwks.getHost()));
    values.put("OIDC_JWKS_PORT", Integer.toString(jwks.getPort() == -1 ? 443 : jwks.getPort()));
    values.put("TOKEN_MAX_LIFETIME", json(maxLifetime.toSeconds() + "s"));
    values.put("TOKEN_CLOCK_SKEW_SECONDS", Long.toString(skew.toSeconds()));
    values.put("UPSTREAM_CLUSTERS", upstreamClusters(calleesOf(EDGE)));
    return render("edge.yaml.tmpl", values);
  }

  /** The sidecar Envoy's config of one host deployable (one of {@link #HOSTS}). */
  public static String sidecar(String deployable, Settings settings) {
    if (!HOSTS.contains(deployable)) {
      throw new ConfigException("no deployable " + deployable + " runs with its own sidecar; one of " + HOSTS);
    }
    String portSetting = "FITMESH_" + deployable.toUpperCase(Locale.ROOT) + "_PORT";
    int port = settings.intInRange(portSetting, PlatformConfig.defaultPort(deployable), 1, 65535);
    Set<String> callees = calleesOf(deployable);
    Map<String, String> values = new LinkedHashMap<>();
    values.put("SERVICE_NAME", deployable);
    values.put("SERVICE_PORT", Integer.toString(port));
    values.put("RBAC_POLICIES", json(rbacPolicies(deployable)));
    values.put("OUTBOUND_ROUTES", json(outboundRoutes(callees)));
    values.put("UPSTREAM_CLUSTERS", upstreamClusters(callees));
    return render("sidecar.yaml.tmpl", values);
  }

  /** The host deployables {@code caller} calls, by {@link #CALLERS}. */
  public static Set<String> calleesOf(String caller) {
    return CALLERS.entrySet().stream()
        .filter(entry -> entry.getValue().contains(caller))
        .map(Map.Entry::getKey)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static Map<String, Object> rbacPolicies(String deployable) {
    Map<String, Object> policies = new LinkedHashMap<>();
    for (String caller : new TreeSet<>(CALLERS.get(deployable))) {
      Object permissions = caller.equals(EDGE)
          ? EDGE_PATHS.get(deployable).stream().map(path -> obj("url_path", obj("path", path))).toList()
          : List.of(obj("any", true));
      policies.put(caller, obj(
          "permissions", permissions,
          "principals", List.of(principal(obj("exact", MESH_IDENTITY + caller)))));
    }
    policies.put("health-checks", obj(
        "permissions", List.of(obj("url_path", obj("path", obj("exact", HEALTH_CHECK)))),
        "principals", List.of(principal(obj("prefix", MESH_IDENTITY)))));
    return policies;
  }

  private static Map<String, Object> principal(Map<String, Object> nameMatch) {
    return obj("authenticated", obj("principal_name", nameMatch));
  }

  private static List<Object> outboundRoutes(Set<String> callees) {
    List<Object> routes = new ArrayList<>();
    for (String stream : INTERNAL_STREAMS) {
      String host = hostOfPath(stream);
      if (callees.contains(host)) {
        routes.add(obj(
            "name", "stream-" + stream.substring(stream.lastIndexOf('/') + 1),
            "match", obj("path", stream, "grpc", obj()),
            "route", obj("cluster", host, "timeout", "0s", "idle_timeout", "3600s")));
      }
    }
    for (String service : PlatformConfig.DEPLOYABLES) {
      String host = PlatformConfig.defaultHost(service);
      if (callees.contains(host) && !service.equals("bff")) {
        routes.add(obj(
            "name", service,
            "match", obj("prefix", "/fitmesh." + service + ".v1.", "grpc", obj()),
            "route", obj("cluster", host, "timeout", "5s",
                "max_stream_duration", obj("grpc_timeout_header_max", "30s"),
                "retry_policy", obj("retry_on", "connect-failure,refused-stream", "num_retries", 2))));
      }
    }
    return routes;
  }

  private static String hostOfPath(String path) {
    String service = path.substring("/fitmesh.".length(), path.indexOf(".v1."));
    return PlatformConfig.defaultHost(service);
  }

  private static String upstreamClusters(Set<String> hosts) {
    String cluster = resource("upstream-cluster.yaml.tmpl").lines()
        .filter(line -> !line.startsWith("#"))
        .collect(Collectors.joining("\n"));
    return hosts.stream().map(host -> cluster.replace("{{NAME}}", host)).collect(Collectors.joining("\n"));
  }

  /** Exact origins only: https, or http on a loopback host (a web app served locally). */
  private static List<Map<String, String>> corsOrigins(String list) {
    List<Map<String, String>> origins = new ArrayList<>();
    for (String part : list.split(",")) {
      String origin = part.strip();
      if (origin.isEmpty()) {
        continue;
      }
      boolean loopbackHttp = origin.startsWith("http://localhost") || origin.startsWith("http://127.");
      if (!ORIGIN.matcher(origin).matches() || (origin.startsWith("http://") && !loopbackHttp)) {
        throw new ConfigException("FITMESH_EDGE_CORS_ORIGINS: " + origin + " is not an origin like https://app.example"
            + " (no wildcards or paths; http only on a loopback host)");
      }
      origins.add(Map.of("exact", origin));
    }
    return origins;
  }

  private static URI httpsUrl(String name, String value) {
    try {
      URI uri = new URI(value);
      if ("https".equals(uri.getScheme()) && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // falls through to the error below
    }
    throw new ConfigException(name + "=" + value + " is not an https URL");
  }

  private static String render(String template, Map<String, String> values) {
    String text = resource(template);
    for (Map.Entry<String, String> value : values.entrySet()) {
      text = text.replace("{{" + value.getKey() + "}}", value.getValue());
    }
    int left = text.indexOf("{{");
    if (left >= 0) {
      throw new IllegalStateException(template + " has a placeholder nobody fills: "
          + text.substring(left, text.indexOf("}}", left) + 2));
    }
    return text;
  }

  /** A JSON object with its keys in the order given, so that a render is the same text every time. */
  private static Map<String, Object> obj(Object... keysAndValues) {
    Map<String, Object> object = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      object.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return object;
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static String resource(String name) {
    try (InputStream in = EnvoyTemplates.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("no template " + name + " beside " + EnvoyTemplates.class.getName());
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
