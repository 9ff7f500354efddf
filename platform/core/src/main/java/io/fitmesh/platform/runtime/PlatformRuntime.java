package io.fitmesh.platform.runtime;

import static java.util.Objects.requireNonNull;

import com.datastax.oss.driver.api.core.CqlSession;
import io.fitmesh.platform.auth.Authentication;
import io.fitmesh.platform.auth.DevTokens;
import io.fitmesh.platform.client.GrpcChannels;
import io.fitmesh.platform.client.ServiceDirectory;
import io.fitmesh.platform.config.Backends;
import io.fitmesh.platform.config.PlatformConfig;
import io.fitmesh.platform.events.EventBus;
import io.fitmesh.platform.events.EventTracing;
import io.fitmesh.platform.events.InMemoryEventBus;
import io.fitmesh.platform.events.PulsarEventBus;
import io.fitmesh.platform.events.SubscriptionSpec;
import io.fitmesh.platform.otel.OpenTelemetrySetup;
import io.fitmesh.platform.storage.CqlMigrations;
import io.fitmesh.platform.storage.CqlSessionFactory;
import io.fitmesh.platform.storage.RedisClientFactory;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import java.time.Clock;
import java.util.Optional;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a process shares between the services it runs: config, OpenTelemetry, the event bus, stub factory and,
 * outside embedded mode, one CQL session and one Redis client. Opened once at start; in local and cluster mode
 * every backend is connected eagerly, so a wrong address fails the start, not the first request.
 */
public final class PlatformRuntime implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(PlatformRuntime.class);

  private final PlatformConfig config;
  private final OpenTelemetrySdk openTelemetry;
  private final EventBus events;
  private final ServiceDirectory services;
  private final Authentication auth;
  private final CqlSession cql;
  private final RedissonClient redis;
  private final Clock clock;

  private PlatformRuntime(PlatformConfig config, OpenTelemetrySdk openTelemetry, EventBus events,
      CqlSession cql, RedissonClient redis, Clock clock) {
    this.config = config;
    this.openTelemetry = openTelemetry;
    this.events = events;
    this.auth = Authentication.from(config.auth(), clock);
    this.services = new ServiceDirectory(config.serviceAddresses(),
        config.backends() == io.fitmesh.platform.config.Backends.CLUSTER, new GrpcChannels(openTelemetry, config.callTimeout()), auth.services());
    this.cql = cql;
    this.redis = redis;
    this.clock = clock;
  }

  /** Opens the backends {@code config} names, tracing as {@code serviceName}. */
  public static PlatformRuntime open(PlatformConfig config, String serviceName) {
    requireNonNull(config, "config");
    return open(config, OpenTelemetrySetup.create(config.otel(), serviceName));
  }

  /** Opens the backends with a given OpenTelemetry SDK (tests use an in-memory exporter); closes it on close. */
  public static PlatformRuntime open(PlatformConfig config, OpenTelemetrySdk otel) {
    requireNonNull(config, "config");
    requireNonNull(otel, "otel");
    Clock clock = Clock.systemUTC();
    if (config.auth().defaultDevSecret()) {
      log.warn("client tokens are development tokens with the well-known secret (fitmesh token): for a laptop only");
    }
    if (config.auth().defaultServiceSecret()) {
      log.warn("service tokens use the development secret: set FITMESH_SERVICE_SECRET for anything but a laptop");
    }
    if (config.backends() == Backends.EMBEDDED) {
      EventTracing tracing = new EventTracing(otel, "in-memory");
      return new PlatformRuntime(config, otel, new InMemoryEventBus(tracing, clock), null, null, clock);
    }
    EventBus events = null;
    CqlSession cql = null;
    try {
      events = PulsarEventBus.connect(config.pulsar().serviceUrl(), config.callTimeout(),
          new EventTracing(otel, "pulsar"), clock);
      log.info("connected to Pulsar at {}", config.pulsar().serviceUrl());
      cql = CqlSessionFactory.connect(config.cql());
      log.info("connected to CQL at {}", config.cql().contactPoints());
      RedissonClient redis = RedisClientFactory.connect(config.redis());
      log.info("connected to Redis at {}", config.redis().address());
      return new PlatformRuntime(config, otel, events, cql, redis, clock);
    } catch (RuntimeException e) {
      if (cql != null) {
        cql.close();
      }
      if (events != null) {
        events.close();
      }
      otel.close();
      throw e;
    }
  }

  public PlatformConfig config() {
    return config;
  }

  public OpenTelemetrySdk openTelemetry() {
    return openTelemetry;
  }

  public EventBus events() {
    return events;
  }

  /** A Key_Shared subscription with the configured retry policy; {@code name} is the consuming service. */
  public SubscriptionSpec subscription(String topic, String name) {
    return new SubscriptionSpec(topic, name, config.pulsar().maxRedeliveries() + 1, config.pulsar().redeliveryDelay());
  }

  /** Stubs of the other deployables. */
  public ServiceDirectory services() {
    return services;
  }

  /** Checks client and service tokens. */
  public Authentication auth() {
    return auth;
  }

  /** Mints development client tokens (tests, the CLI); only in development, where no identity provider is set. */
  public DevTokens tokens() {
    return auth.dev().orElseThrow(() -> new IllegalStateException(
        "client tokens come from the identity provider (FITMESH_AUTH=oidc); none are minted here"));
  }

  public Clock clock() {
    return clock;
  }

  /** The CQL session; empty in embedded mode, where services use their in-memory stores. */
  public Optional<CqlSession> cql() {
    return Optional.ofNullable(cql);
  }

  /**
   * Applies the service's CQL schema ({@code db/cql/<service>.cql}) and returns its keyspace; call only when
   * {@link #cql()} is present.
   */
  public String migrateCql(String service) {
    CqlMigrations schema = CqlMigrations.forService(service);
    schema.migrate(cql, config.cql().replication());
    return schema.keyspace();
  }

  /** The Redis client; empty in embedded mode, where services use their in-memory stores. */
  public Optional<RedissonClient> redis() {
    return Optional.ofNullable(redis);
  }

  @Override
  public void close() {
    auth.close();
    events.close();
    if (redis != null) {
      redis.shutdown();
    }
    if (cql != null) {
      cql.close();
    }
    openTelemetry.close();
  }
}
