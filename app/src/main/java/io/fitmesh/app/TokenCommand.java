package io.fitmesh.app;

import io.fitmesh.platform.auth.DevTokens;
import io.fitmesh.platform.config.Backends;
import io.fitmesh.platform.config.ConfigException;
import io.fitmesh.platform.config.PlatformConfig;
import io.fitmesh.platform.config.Settings;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** fitmesh token: a development bearer token for trying the API by hand. */
@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    description = {
      "Print a development bearer token for an athlete (embedded and local mode on 127.0.0.1 only), signed",
      "with FITMESH_JWT_SECRET (or the development secret). With an identity provider (FITMESH_AUTH=oidc),",
      "tokens come from the provider instead.",
      "Use it as: curl -H \"authorization: Bearer $(./fitmesh token --athlete alice)\" http://127.0.0.1:8080/v1/workouts"
    })
final class TokenCommand implements Callable<Integer> {

  @Option(names = "--athlete", required = true, paramLabel = "ID", description = "The athlete id (1..64 of [A-Za-z0-9_-]).")
  String athlete;

  @Option(names = "--ttl", paramLabel = "DURATION", defaultValue = "12h",
      description = "How long the token is valid: 30m, 12h, ... at most FITMESH_TOKEN_MAX_LIFETIME (default: ${DEFAULT-VALUE}).")
  String ttl;

  @Option(names = "--role", paramLabel = "ROLE", description = "A role to grant, e.g. fitmesh-admin (repeatable).")
  String[] roles = new String[0];

  @Override
  public Integer call() {
    try {
      Settings settings = Settings.fromEnvironment().withOverrides(Map.of("FITMESH_TOKEN_TTL", ttl));
      Duration validity = settings.duration("FITMESH_TOKEN_TTL", Duration.ofHours(12));
      PlatformConfig config = PlatformConfig.from(settings, Backends.EMBEDDED);
      if (config.auth().oidc() != null) {
        System.err.println("fitmesh token: client tokens come from the identity provider (FITMESH_AUTH=oidc)");
        return 2;
      }
      DevTokens tokens = new DevTokens(config.auth().devSecret(), config.auth().clockSkew(),
          config.auth().maxLifetime(), Clock.systemUTC());
      System.out.println(tokens.mint(athlete, validity, roles));
      return 0;
    } catch (ConfigException | IllegalArgumentException e) {
      System.err.println("fitmesh token: " + e.getMessage().replace("FITMESH_TOKEN_TTL", "--ttl"));
      return 2;
    }
  }
}
