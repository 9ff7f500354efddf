package io.fitmesh.platform.config;

import io.fitmesh.infra.LocalPorts;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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

  /** Every deployable, by the name used in settings (FITMESH_&lt;NAME&gt;_PORT, FITMESH_&lt;NAME&gt;_ADDRESS). */
  public static final List<String> DEPLOYABLES = List.of("telemetry", "training", "social", "challenge", "reco", "bff");

  /** The port each deployable listens on unless FITMESH_&lt;NAME&gt;_PORT says otherwise. */
  public static int defaultPort(String deployable) {
    return switch (deployable) {
      case "telemetry" -> 9091;
      case "training" -> 9092;
      case "social" -> 9093;
      case "challenge" -> 9094;
      case "reco" -> 9095;
      case "bff" -> 8080;
      default -> throw new IllegalArgumentException("no deployable " + deployable);
    };
  }

  /** The secret used in embedded and local mode when FITMESH_JWT_SECRET is unset; never accepted in cluster. */
  public static final String DEV_JWT_SECRET = "fitmesh-dev-secret-not-for-production";

  public record PulsarSettings(String serviceUrl, int maxRedeliveries, Duration redeliveryDelay) {}

  public record CqlSettings(List<String> contactPoints, String localDatacenter, String replication,
      Duration requestTimeout) {}

  public record RedisSettings(String address, Duration timeout) {}

  /** HS256 secret of bearer tokens; devSecret when it is the well-known development one. */
  public record AuthSettings(String jwtSecret, boolean devSecret) {}

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
    String jwtSecret = cluster
        ? settings.required("FITMESH_JWT_SECRET", why)
        : settings.string("FITMESH_JWT_SECRET", DEV_JWT_SECRET);
    if (jwtSecret.length() < 16) {
      throw new ConfigException("FITMESH_JWT_SECRET must have at least 16 characters");
    }
    return new PlatformConfig(
        backends,
        settings.string("FITMESH_BIND_HOST", "127.0.0.1"),
        settings.duration("FITMESH_CALL_TIMEOUT", Duration.ofSeconds(5)),
        settings.duration("FITMESH_DRAIN_TIMEOUT", Duration.ofSeconds(10)),
        new PulsarSettings(pulsarUrl,
            settings.intInRange("FITMESH_EVENT_MAX_REDELIVERIES", 5, 1, 99),
            settings.duration("FITMESH_EVENT_REDELIVERY_DELAY", Duration.ofSeconds(1))),
        new CqlSettings(Arrays.stream(cqlPoints.split(",")).map(String::trim).toList(),
            settings.string("FITMESH_CQL_LOCAL_DC", "datacenter1"),
            settings.string("FITMESH_CQL_REPLICATION",
                "{'class': 'SimpleStrategy', 'replication_factor': 1}"),
            settings.duration("FITMESH_CQL_REQUEST_TIMEOUT", Duration.ofSeconds(5))),
        new RedisSettings(redis, settings.duration("FITMESH_REDIS_TIMEOUT", Duration.ofSeconds(3))),
        new OtelSettings(exporter, otlpEndpoint, settings.string("FITMESH_OTEL_NAMESPACE", "fitmesh")),
        new AuthSettings(jwtSecret, jwtSecret.equals(DEV_JWT_SECRET)),
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

  /** FITMESH_&lt;NAME&gt;_ADDRESS (host:port) of the deployables a process calls, where set. */
  private static Map<String, String> serviceAddresses(Settings settings) {
    Map<String, String> addresses = new HashMap<>();
    for (String name : DEPLOYABLES) {
      settings.optional("FITMESH_" + name.toUpperCase(Locale.ROOT) + "_ADDRESS")
          .ifPresent(address -> addresses.put(name, address));
    }
    return Map.copyOf(addresses);
  }
}
