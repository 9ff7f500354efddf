package io.fitmesh.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.fitmesh.testkit.TestAuth;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TokenCommandTest {

  @Test
  void token_printsABearerTokenForTheAthlete_thatTheServersAccept() {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    int exit;
    try {
      exit = FitmeshCli.commandLine().execute("token", "--athlete", "alice", "--ttl", "30m", "--role", "fitmesh-admin");
    } finally {
      System.setOut(original);
    }

    assertThat(exit).isZero();
    String token = out.toString(StandardCharsets.UTF_8).strip();
    assertThat(TestAuth.auth().clients().verify(token).athleteId()).isEqualTo("alice");
    assertThat(TestAuth.auth().clients().verify(token).roles()).containsExactly("fitmesh-admin");
  }

  @Test
  void token_livingLongerThanTheMaximum_isRefused() {
    assertThat(FitmeshCli.commandLine().execute("token", "--athlete", "alice", "--ttl", "48h")).isEqualTo(2);
  }

  @Test
  void token_withABadAthleteId_failsWithUsageExitCode() {
    assertThat(FitmeshCli.commandLine().execute("token", "--athlete", "not valid!")).isEqualTo(2);
  }
}
