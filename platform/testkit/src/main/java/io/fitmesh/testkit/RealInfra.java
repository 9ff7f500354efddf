package io.fitmesh.testkit;

import io.fitmesh.infra.InfraLauncher;
import io.fitmesh.platform.config.Backends;
import io.fitmesh.platform.config.PlatformConfig;
import io.fitmesh.platform.config.Settings;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives a test class real Pulsar, CQL server and Redis. With {@code FITMESH_TEST_BACKENDS=external} it uses the
 * servers named by FITMESH_PULSAR_URL, FITMESH_CQL_CONTACT_POINTS and FITMESH_REDIS_ADDRESS as they are;
 * otherwise it asks the infra launcher for the local servers, which starts them once (they stay up for later
 * test classes and modules; the test command stops them at the end, or {@code fitmesh infra down}).
 */
public final class RealInfra implements BeforeAllCallback {
  private static volatile boolean ensured;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    ensureUp();
  }

  /** Starts the local servers unless they answer already or external ones are configured. */
  public static synchronized void ensureUp() throws Exception {
    if (ensured || external()) {
      ensured = true;
      return;
    }
    InfraLauncher.forCheckout(System.out).up(InfraLauncher.ALL);
    ensured = true;
  }

  /** Settings pointing at the real servers, for {@link PlatformConfig#from(Settings, Backends)}. */
  public static Settings settings() {
    Map<String, String> values = new HashMap<>();
    if (external()) {
      values.putAll(System.getenv());
    }
    values.put("FITMESH_BACKENDS", "local");
    return Settings.of(values);
  }

  /** The platform config of local mode against these servers. */
  public static PlatformConfig config() {
    return PlatformConfig.from(settings(), external() ? Backends.CLUSTER : Backends.LOCAL);
  }

  /** Whether the servers are the launcher's, which a test may stop and start (external ones it may not). */
  public static boolean launcherManaged() {
    return !external();
  }

  private static boolean external() {
    return "external".equalsIgnoreCase(System.getenv("FITMESH_TEST_BACKENDS"));
  }
}
