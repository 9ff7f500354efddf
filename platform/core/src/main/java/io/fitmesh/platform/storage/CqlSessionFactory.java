package io.fitmesh.platform.storage;

import static java.util.Objects.requireNonNull;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import io.fitmesh.platform.config.PlatformConfig.CqlSettings;
import io.fitmesh.platform.errors.BackendUnreachableException;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * Opens CQL sessions to ScyllaDB (or any CQL server) with the ScyllaDB driver: prepared statements and async
 * calls are the callers' part; this sets the consistency of every request, timeouts, the local datacenter and a short
 * schema-agreement window.
 */
public final class CqlSessionFactory {
  private CqlSessionFactory() {}

  /**
   * Connects without a keyspace (migrations create it).
   *
   * @throws BackendUnreachableException when no contact point answers within the request timeout
   */
  public static CqlSession connect(CqlSettings settings) {
    requireNonNull(settings, "settings");
    Duration timeout = settings.requestTimeout();
    DriverConfigLoader config = DriverConfigLoader.programmaticBuilder()
        .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, timeout)
        .withString(DefaultDriverOption.REQUEST_CONSISTENCY, settings.consistency().name())
        .withDuration(DefaultDriverOption.CONNECTION_CONNECT_TIMEOUT, timeout)
        .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, timeout)
        .withDuration(DefaultDriverOption.CONTROL_CONNECTION_TIMEOUT, timeout)
        .withDuration(DefaultDriverOption.METADATA_SCHEMA_REQUEST_TIMEOUT, timeout)
        .withDuration(DefaultDriverOption.METADATA_SCHEMA_WINDOW, Duration.ofMillis(10))
        .withBoolean(DefaultDriverOption.RECONNECT_ON_INIT, false)
        .build();
    CqlSessionBuilder builder = CqlSession.builder()
        .withConfigLoader(config)
        .withLocalDatacenter(settings.localDatacenter());
    for (String point : settings.contactPoints()) {
      builder.addContactPoint(parse(point));
    }
    try {
      return builder.build();
    } catch (RuntimeException e) {
      throw new BackendUnreachableException("CQL server", String.join(",", settings.contactPoints()),
          "no contact point answered within " + timeout.toMillis() + " ms", e);
    }
  }

  private static InetSocketAddress parse(String hostPort) {
    int colon = hostPort.lastIndexOf(':');
    if (colon < 0) {
      return InetSocketAddress.createUnresolved(hostPort, 9042);
    }
    return new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
  }
}
