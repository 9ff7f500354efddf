package io.fitmesh.app;

import io.fitmesh.platform.auth.JwtTokens;
import io.fitmesh.platform.config.Backends;
import io.fitmesh.platform.config.ConfigException;
import io.fitmesh.platform.config.PlatformConfig;
import io.fitmesh.platform.config.Settings;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** fitmesh token: a bearer token for trying the API by hand. */
@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    description = {
      "Print a bearer token for an athlete, signed with FITMESH_JWT_SECRET (or the development secret).",
      "Use it as: curl -H \"authorization: Bearer $(./fitmesh token --athlete alice)\" http://127.0.0.1:8080/v1/workouts"
    })
final class TokenCommand implements Callable<Integer> {

  @Option(names = "--athlete", required = true, paramLabel = "ID", description = "The athlete id (1..64 of [A-Za-z0-9_-]).")
  String athlete;

  @Option(names = "--ttl", paramLabel = "DURATION", defaultValue = "12h",
      description = "How long the token is valid: 30m, 12h, ... (default: ${DEFAULT-VALUE}).")
  String ttl;

  @Override
  public Integer call() {
    try {
      Settings settings = Settings.fromEnvironment().withOverrides(java.util.Map.of("FITMESH_TOKEN_TTL", ttl));
      Duration validity = settings.duration("FITMESH_TOKEN_TTL", Duration.ofHours(12));
      PlatformConfig config = PlatformConfig.from(settings, Backends.EMBEDDED);
      System.out.println(new JwtTokens(config.auth().jwtSecret(), Clock.systemUTC()).mint(athlete, validity));
      return 0;
    } catch (ConfigException | IllegalArgumentException e) {
      System.err.println("fitmesh token: " + e.getMessage().replace("FITMESH_TOKEN_TTL", "--ttl"));
      return 2;
    }
  }
}
