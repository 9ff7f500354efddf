package io.fitmesh.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.fitmesh.platform.config.Backends;
import io.fitmesh.platform.config.PlatformConfig;
import io.fitmesh.platform.config.Settings;
import io.fitmesh.platform.runtime.PlatformRuntime;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SimulateCommandTest {

  @Test
  void simulate_drivesARunningFitmesh_showingRatesAndLatencies_andTotalsAtTheEnd() throws Exception {
    try (PlatformRuntime runtime = PlatformRuntime.open(
            PlatformConfig.from(Settings.of(Map.of()), Backends.EMBEDDED).withAnyFreePorts(), "simulate");
        FitmeshNode node = FitmeshNode.start(runtime)) {
      Run run = simulate("--bff", node.endpoint("bff"), "--athletes", "2", "--duration", "6s");

      assertThat(run.exit()).as(run.out()).isZero();
      assertThat(run.out()).contains("simulating 2 athletes").containsPattern("workouts \\([0-9.]+/s\\)")
          .containsPattern("finish p50 [0-9]+ p99 [0-9]+").contains("done: ");
      Matcher done = Pattern.compile("done: ([0-9,]+) workouts finished").matcher(run.out());
      assertThat(done.find()).isTrue();
      assertThat(Integer.parseInt(done.group(1).replace(",", ""))).as("workouts finished").isPositive();
      assertThat(run.out()).contains("answers {200=").doesNotContain("failed for good");
    }
  }

  @Test
  void simulate_withoutAFitmeshAtTheAddress_saysSo() {
    Run run = simulate("--bff", "127.0.0.1:1", "--athletes", "1", "--duration", "1s");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("no answer from 127.0.0.1:1 (is FitMesh running there?)");
  }

  @Test
  void simulate_withBadOptions_namesThem() {
    assertThat(simulate("--athletes", "0").err()).contains("--athletes must be 1..200");
    assertThat(simulate("--duration", "soon").err()).contains("--duration");
    assertThat(simulate("--bff", "http://x").err()).contains("--bff must be HOST:PORT");
  }

  private record Run(int exit, String out, String err) {}

  private static Run simulate(String... args) {
    PrintStream originalOut = System.out;
    PrintStream originalErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    int exit;
    try {
      String[] command = new String[args.length + 1];
      command[0] = "simulate";
      System.arraycopy(args, 0, command, 1, args.length);
      exit = FitmeshCli.commandLine().execute(command);
    } finally {
      System.setOut(originalOut);
      System.setErr(originalErr);
    }
    return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
