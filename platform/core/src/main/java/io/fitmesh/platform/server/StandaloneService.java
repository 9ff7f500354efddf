package io.fitmesh.platform.server;

import static java.util.Objects.requireNonNull;

import io.fitmesh.platform.config.ConfigException;
import io.fitmesh.platform.config.PlatformConfig;
import io.fitmesh.platform.config.Settings;
import io.fitmesh.platform.errors.BackendUnreachableException;
import io.fitmesh.platform.runtime.PlatformRuntime;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

/**
 * One deployable as its own process: its own runtime (FITMESH_BACKENDS must be set) and server on
 * FITMESH_&lt;NAME&gt;_PORT. Each service's main calls {@link #run}; tests call {@link #start} with their settings.
 */
public final class StandaloneService implements AutoCloseable {
  private final PlatformRuntime runtime;
  private final ServiceServer server;

  private StandaloneService(PlatformRuntime runtime, ServiceServer server) {
    this.runtime = runtime;
    this.server = server;
  }

  /**
   * Opens the backends the settings name and serves the deployable, exactly as its main does.
   *
   * @throws ConfigException when a setting is missing or malformed
   * @throws BackendUnreachableException when a backend does not answer
   */
  public static StandaloneService start(String name, Function<PlatformRuntime, FitmeshService> factory,
      Settings settings) {
    requireNonNull(name, "name");
    requireNonNull(factory, "factory");
    PlatformConfig config = PlatformConfig.from(requireNonNull(settings, "settings"));
    PlatformRuntime runtime = PlatformRuntime.open(config, name);
    try {
      FitmeshService service = factory.apply(runtime);
      try {
        runtime.services().requireAddresses(name, service.hostedNames());
      } catch (ConfigException e) {
        service.close();
        throw e;
      }
      ServiceServer server = ServiceServer.start(service, config.bindHost(), config.port(name),
          config.drainTimeout(), runtime.openTelemetry(), runtime.auth());
      runtime.services().register(name, server.endpoint());
      return new StandaloneService(runtime, server);
    } catch (RuntimeException e) {
      runtime.close();
      throw e;
    }
  }

  /** Runs the deployable from the environment until SIGTERM/SIGINT, then drains and closes; exits 2 on bad settings. */
  public static void run(String name, Function<PlatformRuntime, FitmeshService> factory) {
    StandaloneService service;
    try {
      service = start(name, factory, Settings.fromEnvironment());
    } catch (ConfigException | BackendUnreachableException e) {
      System.err.println(name + ": " + e.getMessage());
      System.exit(2);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      service.close();
      stopped.countDown();
    }, name + "-shutdown"));
    System.out.println(name + " serving on " + service.endpoint() + " ("
        + service.runtime.config().backends().name().toLowerCase(Locale.ROOT) + " backends)");
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** host:port as clients dial it. */
  public String endpoint() {
    return server.endpoint();
  }

  /** Drains in-flight calls, then closes the backends. */
  @Override
  public void close() {
    server.close();
    runtime.close();
  }
}
