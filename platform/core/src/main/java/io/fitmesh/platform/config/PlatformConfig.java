package io.fitmesh.platform.config;

import io.fitmesh.infra.LocalPorts;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Every runtime setting the platform needs, read once at start-up. Settings are environment variables named
 * FITMESH_*; the CLI turns its flags into the same names. Defaults for {@link Backends#LOCAL} are the ports the
 * infra launcher uses; {@link Backends#CLUSTER} has no defaults for server addresses.
 */
public record PlatformConfig(
    Backends backends,
    String bindHost,
    Duration callTimeout,
    Duration drainTimeout,
    PulsarSettings pulsar,
    CqlSettings cql,
    RedisSettings redis,
    OtelSettings otel,
    AuthSettings auth,
    Map<String, String> serviceAddresses,
    Map<String, Integer> ports,
    Settings settings) {

  private static final Pattern HOST_PORT =
      Pattern.compile("[A-Za-z0-9.-]+:[0-9]{1,5}|\\[[0-9A-Fa-f:]+]:[0-9]{1,5}");

  /** Every deployable, by the name used in settings (FITMESH_&lt;NAME&gt;_PORT, FITMESH_&lt;NAME&gt;_ADDRESS). */
  public static final List<String> DEPLOYABLES = List.of("telemetry", "training", "social", "group", "notification",
      "challenge", "reco", "promo", "commerce", "bff");

  /** The port each deployable listens on unless FITMESH_&lt;NAME&gt;_PORT says otherwise. */
  public static int defaultPort(String deployable) {
    return switch (deployable) {
      case "telemetry" -> 9091;
      case "training" -> 9092;
      case "social" -> 9093;
      case "challenge" -> 9094;
      case "reco" -> 9095;
      case "group" -> 9096;
      case "notification" -> 9097;
      case "promo" -> 9098;
      case "commerce" -> 9099;
      case "bff" -> 8080;
      default -> throw new IllegalArgumentException("no deployable " + deployable);
    };
  }

  /**
   * The deployable that hosts this one by default: group and notification run inside social, promo and commerce
   * inside reco, unless started on their own (then FITMESH_&lt;NAME&gt;_ADDRESS tells callers where).
   */
  public static String defaultHost(String deployable) {
    return switch (deployable) {
      case "group", "notification" -> "social";
      case "promo", "commerce" -> "reco";
      default -> deployable;
    };
  }

  /** The secret of development client tokens when FITMESH_JWT_SECRET is unset (embedded and local only). */
  public static final String DEV_JWT_SECRET = "fitmesh-dev-secret-not-for-production";
  /** The secret of service tokens when FITMESH_SERVICE_SECRET is unset (embedded and local only). */
  public static final String DEV_SERVICE_SECRET = "fitmesh-dev-service-secret-not-for-production";

  public record PulsarSettings(String serviceUrl, int maxRedeliveries, Duration redeliveryDelay) {}

  /**
   * Where the CQL servers are and how to talk to them; every request is made at {@code consistency} (reads see the
   * writes made before them once both reach a quorum of the local datacenter's replicas).
   */
  public record CqlSettings(List<String> contactPoints, String localDatacenter, String replication,
      Duration requestTimeout, CqlConsistency consistency) {}

  /** The consistency levels FitMesh's requests may be made at (the driver's names). */
  public enum CqlConsistency { LOCAL_QUORUM, LOCAL_ONE, QUORUM, EACH_QUORUM, ONE, ALL }

  public record RedisSettings(String address, Duration timeout) {}

  /**
   * How bearer tokens are checked: client tokens by OpenID Connect ({@code oidc} set) or, in development, with
   * {@code devSecret}; service tokens with {@code serviceSecret}. The flags say when a secret is the well-known
   * development one.
   */
  public record AuthSettings(String devSecret, boolean defaultDevSecret, Oidc oidc, String serviceSecret,
      boolean defaultServiceSecret, Duration clockSkew, Duration maxLifetime) {}

  /** The identity provider whose access tokens clients send. */
  public record Oidc(String issuer, String audience, URI jwksUrl, String rolesClaim) {}

  /** How client tokens are verified. */
  public enum AuthMode { DEV, OIDC }

  /** exporter: none, logging or otlp (otlp needs endpoint). */
  public record OtelSettings(String exporter, String endpoint, String serviceNamespace) {}

  /** Reads the config; backends must be set (by FITMESH_BACKENDS or the caller's explicit default). */
  public static PlatformConfig from(Settings settings) {
    Backends backends = settings.choice("FITMESH_BACKENDS", Backends.class)
        .orElseThrow(() -> new ConfigException(
            "FITMESH_BACKENDS is not set: choose embedded, local or cluster"));
    return from(settings, backends);
  }

  public static PlatformConfig from(Settings settings, Backends backends) {
    boolean cluster = backends == Backends.CLUSTER;
    String why = "required with FITMESH_BACKENDS=cluster";
    String pulsarUrl = cluster
        ? settings.required("FITMESH_PULSAR_URL", why)
        : settings.string("FITMESH_PULSAR_URL", "pulsar://127.0.0.1:" + LocalPorts.PULSAR);
    String cqlPoints = cluster
        ? settings.required("FITMESH_CQL_CONTACT_POINTS", why)
        : settings.string("FITMESH_CQL_CONTACT_POINTS", "127.0.0.1:" + LocalPorts.CQL);
    String redis = cluster
        ? settings.required("FITMESH_REDIS_ADDRESS", why)
        : settings.string("FITMESH_REDIS_ADDRESS", "redis://127.0.0.1:" + LocalPorts.REDIS);
    String exporter = settings.string("FITMESH_OTEL_EXPORTER",
        settings.optional("OTEL_EXPORTER_OTLP_ENDPOINT").isPresent() ? "otlp" : "none");
    if (!List.of("none", "logging", "otlp").contains(exporter)) {
      throw new ConfigException("FITMESH_OTEL_EXPORTER=" + exporter + " is not one of none|logging|otlp");
    }
    String otlpEndpoint = settings.string("OTEL_EXPORTER_OTLP_ENDPOINT", "");
    if (exporter.equals("otlp") && otlpEndpoint.isEmpty()) {
      throw new ConfigException("FITMESH_OTEL_EXPORTER=otlp needs OTEL_EXPORTER_OTLP_ENDPOINT");
    }
    String bindHost = settings.string("FITMESH_BIND_HOST", "127.0.0.1");
    return new PlatformConfig(
        backends,
        bindHost,
        settings.duration("FITMESH_CALL_TIMEOUT", Duration.ofSeconds(5)),
        settings.duration("FITMESH_DRAIN_TIMEOUT", Duration.ofSeconds(10)),
        new PulsarSettings(pulsarUrl,
            settings.intInRange("FITMESH_EVENT_MAX_REDELIVERIES", 9, 1, 99),
            settings.duration("FITMESH_EVENT_REDELIVERY_DELAY", Duration.ofSeconds(1))),
        new CqlSettings(Arrays.stream(cqlPoints.split(",")).map(String::trim).toList(),
            settings.string("FITMESH_CQL_LOCAL_DC", "datacenter1"),
            settings.string("FITMESH_CQL_REPLICATION",
                "{'class': 'SimpleStrategy', 'replication_factor': 1}"),
            settings.duration("FITMESH_CQL_REQUEST_TIMEOUT", Duration.ofSeconds(5)),
            settings.choice("FITMESH_CQL_CONSISTENCY", CqlConsistency.class).orElse(CqlConsistency.LOCAL_QUORUM)),
        new RedisSettings(redis, settings.duration("FITMESH_REDIS_TIMEOUT", Duration.ofSeconds(3))),
        new OtelSettings(exporter, otlpEndpoint, settings.string("FITMESH_OTEL_NAMESPACE", "fitmesh")),
        auth(settings, cluster, bindHost),
        serviceAddresses(settings),
        ports(settings),
        settings);
  }

  /** The port a deployable of this process listens on: FITMESH_&lt;NAME&gt;_PORT, else its default; 0 is any free one. */
  public int port(String deployable) {
    Integer port = ports.get(deployable);
    if (port == null) {
      throw new IllegalArgumentException("no deployable " + deployable);
    }
    return port;
  }

  /** This config with every deployable on a free port (tests and benches run beside whatever else listens). */
  public PlatformConfig withAnyFreePorts() {
    Map<String, Integer> free = new HashMap<>();
    DEPLOYABLES.forEach(name -> free.put(name, 0));
    return new PlatformConfig(backends, bindHost, callTimeout, drainTimeout, pulsar, cql, redis, otel, auth,
        serviceAddresses, Map.copyOf(free), settings);
  }

  /** FITMESH_&lt;NAME&gt;_PORT of every deployable, or its default. */
  private static Map<String, Integer> ports(Settings settings) {
    Map<String, Integer> ports = new HashMap<>();
    for (String name : DEPLOYABLES) {
      ports.put(name, settings.port("FITMESH_" + name.toUpperCase(Locale.ROOT) + "_PORT", defaultPort(name)));
    }
    return Map.copyOf(ports);
  }

  private static AuthSettings auth(Settings settings, boolean cluster, String bindHost) {
    boolean oidcConfigured = settings.optional("FITMESH_OIDC_JWKS_URL").isPresent();
    AuthMode mode = settings.choice("FITMESH_AUTH", AuthMode.class)
        .orElse(cluster || oidcConfigured ? AuthMode.OIDC : AuthMode.DEV);
    Duration skew = settings.duration("FITMESH_TOKEN_CLOCK_SKEW", Duration.ofSeconds(30));
    if (skew.compareTo(Duration.ofMinutes(5)) > 0) {
      throw new ConfigException("FITMESH_TOKEN_CLOCK_SKEW=" + skew.toSeconds() + "s is more than 5 minutes");
    }
    Duration maxLifetime = settings.duration("FITMESH_TOKEN_MAX_LIFETIME", Duration.ofHours(24));
    String serviceSecret = cluster
        ? settings.required("FITMESH_SERVICE_SECRET", "required with FITMESH_BACKENDS=cluster")
        : settings.string("FITMESH_SERVICE_SECRET", DEV_SERVICE_SECRET);
    requireSecretLength("FITMESH_SERVICE_SECRET", serviceSecret);
    if (mode == AuthMode.OIDC) {
      String why = "required to verify OpenID Connect tokens (FITMESH_AUTH=oidc)";
      URI jwks = jwksUrl(settings.required("FITMESH_OIDC_JWKS_URL", why));
      return new AuthSettings(null, false, new Oidc(settings.required("FITMESH_OIDC_ISSUER", why),
          settings.required("FITMESH_OIDC_AUDIENCE", why), jwks, settings.string("FITMESH_OIDC_ROLES_CLAIM", "roles")),
          serviceSecret, serviceSecret.equals(DEV_SERVICE_SECRET), skew, maxLifetime);
    }
    if (cluster) {
      throw new ConfigException("FITMESH_AUTH=dev is for embedded and local development; a cluster verifies "
          + "OpenID Connect tokens: set FITMESH_OIDC_ISSUER, FITMESH_OIDC_AUDIENCE and FITMESH_OIDC_JWKS_URL");
    }
    if (!isLoopback(bindHost)) {
      throw new ConfigException("development tokens are accepted on a loopback address only; with FITMESH_BIND_HOST="
          + bindHost + " set FITMESH_OIDC_ISSUER, FITMESH_OIDC_AUDIENCE and FITMESH_OIDC_JWKS_URL");
    }
    String devSecret = settings.string("FITMESH_JWT_SECRET", DEV_JWT_SECRET);
    requireSecretLength("FITMESH_JWT_SECRET", devSecret);
    return new AuthSettings(devSecret, devSecret.equals(DEV_JWT_SECRET), null, serviceSecret,
        serviceSecret.equals(DEV_SERVICE_SECRET), skew, maxLifetime);
  }

  private static void requireSecretLength(String name, String secret) {
    if (secret.getBytes(StandardCharsets.UTF_8).length < 32) {
      throw new ConfigException(name + " must have at least 32 bytes");
    }
  }

  /** An https URL, or http on a loopback host (a local identity provider). */
  private static URI jwksUrl(String value) {
    try {
      URI uri = new URI(value);
      boolean https = "https".equals(uri.getScheme());
      boolean localHttp = "http".equals(uri.getScheme()) && uri.getHost() != null && isLoopback(uri.getHost());
      if (https || localHttp) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // falls through to the error below
    }
    throw new ConfigException("FITMESH_OIDC_JWKS_URL=" + value + " is not an https URL (http only on a loopback host)");
  }

  static boolean isLoopback(String host) {
    return host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]");
  }

  /**
   * FITMESH_&lt;NAME&gt;_ADDRESS of the deployables a process calls, where set: host:port, or several separated by
   * commas (instances called in turn).
   */
  private static Map<String, String> serviceAddresses(Settings settings) {
    Map<String, String> addresses = new HashMap<>();
    for (String name : DEPLOYABLES) {
      String setting = "FITMESH_" + name.toUpperCase(Locale.ROOT) + "_ADDRESS";
      settings.optional(setting).ifPresent(address -> {
        for (String part : address.split(",", -1)) {
          if (!HOST_PORT.matcher(part.strip()).matches()) {
            throw new ConfigException(setting + "=" + address + " is not host:port (or host:port,host:port,...)");
          }
        }
        addresses.put(name, address);
      });
    }
    return Map.copyOf(addresses);
  }
}
