package io.fitmesh.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.fitmesh.platform.auth.JwtTokens;
import io.fitmesh.platform.config.PlatformConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class TokenCommandTest {

  @Test
  void token_printsABearerTokenForTheAthlete_thatTheServersAccept() {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    int exit;
    try {
      exit = FitmeshCli.commandLine().execute("token", "--athlete", "alice", "--ttl", "30m");
    } finally {
      System.setOut(original);
    }

    assertThat(exit).isZero();
    String token = out.toString(StandardCharsets.UTF_8).strip();
    assertThat(new JwtTokens(PlatformConfig.DEV_JWT_SECRET, Clock.systemUTC()).verify(token)).isEqualTo("alice");
  }

  @Test
  void token_withABadAthleteId_failsWithUsageExitCode() {
    assertThat(FitmeshCli.commandLine().execute("token", "--athlete", "not valid!")).isEqualTo(2);
  }
}
