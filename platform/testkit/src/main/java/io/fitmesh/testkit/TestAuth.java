package io.fitmesh.testkit;

import io.fitmesh.platform.auth.Authentication;
import io.fitmesh.platform.auth.DevTokens;
import io.fitmesh.platform.auth.VerifiedToken;
import io.fitmesh.platform.config.Backends;
import io.fitmesh.platform.config.PlatformConfig;
import io.fitmesh.platform.config.Settings;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/** Development authentication for tests that build a server by hand: client tokens and service tokens. */
public final class TestAuth {
  private static final Authentication AUTH = Authentication.from(
      PlatformConfig.from(Settings.of(Map.of()), Backends.EMBEDDED).auth(), Clock.systemUTC());

  private TestAuth() {}

  /** What embedded and local mode use. */
  public static Authentication auth() {
    return AUTH;
  }

  /** A client token of the athlete, valid for an hour. */
  public static String clientToken(String athleteId) {
    return tokens().mint(athleteId, Duration.ofHours(1));
  }

  /** A service token for a call to {@code deployable} on behalf of the athlete. */
  public static String serviceToken(String athleteId, String deployable) {
    return AUTH.services().mint(new VerifiedToken(athleteId, Set.of()), deployable);
  }

  private static DevTokens tokens() {
    return AUTH.dev().orElseThrow();
  }
}
