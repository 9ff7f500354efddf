package io.fitmesh.platform.server;

import io.fitmesh.platform.config.ConfigException;
import io.fitmesh.platform.config.PlatformConfig;
import io.fitmesh.platform.config.Settings;
import io.fitmesh.platform.errors.BackendUnreachableException;
import io.fitmesh.platform.runtime.PlatformRuntime;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

/**
 * Runs one deployable as its own process: settings from the environment (FITMESH_BACKENDS must be set),
 * port FITMESH_&lt;NAME&gt;_PORT, until SIGTERM/SIGINT, then drains and closes. Each service's main calls this.
 */
public final class StandaloneService {
  private StandaloneService() {}

  public static void run(String name, Function<PlatformRuntime, FitmeshService> factory) {
    Settings settings = Settings.fromEnvironment();
    PlatformRuntime runtime;
    int port;
    try {
      PlatformConfig config = PlatformConfig.from(settings);
      port = settings.port(portSetting(name), PlatformConfig.defaultPort(name));
      runtime = PlatformRuntime.open(config, name);
    } catch (ConfigException | BackendUnreachableException e) {
      System.err.println(name + ": " + e.getMessage());
      System.exit(2);
      return;
    }
    ServiceServer server = ServiceServer.start(factory.apply(runtime), runtime.config().bindHost(), port,
        runtime.config().drainTimeout(), runtime.openTelemetry(), runtime.tokens());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      runtime.close();
      stopped.countDown();
    }, name + "-shutdown"));
    System.out.println(name + " serving on " + server.endpoint() + " (" + runtime.config().backends()
        .name().toLowerCase(Locale.ROOT) + " backends)");
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** FITMESH_TELEMETRY_PORT and the like. */
  public static String portSetting(String name) {
    return "FITMESH_" + name.toUpperCase(Locale.ROOT) + "_PORT";
  }
}
