package io.fitmesh.platform.config;

import io.fitmesh.infra.LocalPorts;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

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
    OtelSettings otel) {

  public record PulsarSettings(String serviceUrl, int maxRedeliveries, Duration redeliveryDelay) {}

  public record CqlSettings(List<String> contactPoints, String localDatacenter, String replication,
      Duration requestTimeout) {}

  public record RedisSettings(String address, Duration timeout) {}

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
    return new PlatformConfig(
        backends,
        settings.string("FITMESH_BIND_HOST", "127.0.0.1"),
        settings.duration("FITMESH_CALL_TIMEOUT", Duration.ofSeconds(5)),
        settings.duration("FITMESH_DRAIN_TIMEOUT", Duration.ofSeconds(10)),
        new PulsarSettings(pulsarUrl,
            settings.intInRange("FITMESH_EVENT_MAX_REDELIVERIES", 5, 0, 100),
            settings.duration("FITMESH_EVENT_REDELIVERY_DELAY", Duration.ofSeconds(1))),
        new CqlSettings(Arrays.stream(cqlPoints.split(",")).map(String::trim).toList(),
            settings.string("FITMESH_CQL_LOCAL_DC", "datacenter1"),
            settings.string("FITMESH_CQL_REPLICATION",
                "{'class': 'SimpleStrategy', 'replication_factor': 1}"),
            settings.duration("FITMESH_CQL_REQUEST_TIMEOUT", Duration.ofSeconds(5))),
        new RedisSettings(redis, settings.duration("FITMESH_REDIS_TIMEOUT", Duration.ofSeconds(3))),
        new OtelSettings(exporter, otlpEndpoint, settings.string("FITMESH_OTEL_NAMESPACE", "fitmesh")));
  }
}
