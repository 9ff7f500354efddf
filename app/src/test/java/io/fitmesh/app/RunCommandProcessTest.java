package io.fitmesh.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.linecorp.armeria.client.grpc.GrpcClients;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code fitmesh run} as its own process, the way a newcomer does, and stops it with a signal. */
class RunCommandProcessTest {
  private static final Pattern ENDPOINT = Pattern.compile("^\\s+(\\w+)\\s+grpc\\+http://(\\S+)\\s");

  @Test
  void run_embedded_printsEveryEndpointAndTheInMemoryWarning_servesHealth_andStopsCleanlyOnSigterm(
      @TempDir Path dir) throws Exception {
    Path log = dir.resolve("run.log");
    ProcessBuilder pb = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        FitmeshCli.class.getName(), "run"))
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    Map<String, String> env = pb.environment();
    env.remove("FITMESH_BACKENDS");
    for (String name : List.of("telemetry", "training", "social", "challenge", "reco", "bff")) {
      env.put("FITMESH_" + name.toUpperCase() + "_PORT", "0");
    }
    env.put("FITMESH_COMMERCE_CATALOGUE_PORT", "0");
    Process process = pb.start();
    try {
      await().atMost(Duration.ofSeconds(60)).until(() -> Files.readString(log).contains("Press Ctrl-C"));
      List<String> output = Files.readAllLines(log);
      List<String[]> endpoints = new ArrayList<>();
      for (String line : output) {
        Matcher m = ENDPOINT.matcher(line);
        if (m.find()) {
          endpoints.add(new String[] {m.group(1), m.group(2)});
        }
      }

      assertThat(output).contains("FitMesh is running (embedded backends):");
      assertThat(String.join("\n", output)).contains("DATA IS KEPT IN MEMORY ONLY")
          .contains("(reference catalogue: DE, GB, JP, US)");
      assertThat(endpoints).extracting(e -> e[0])
          .containsExactly("telemetry", "training", "social", "challenge", "reco", "bff");
      for (String[] endpoint : endpoints) {
        assertThat(GrpcClients.newClient("http://" + endpoint[1], HealthGrpc.HealthBlockingStub.class)
            .check(HealthCheckRequest.getDefaultInstance()).getStatus())
            .as(endpoint[0]).isEqualTo(ServingStatus.SERVING);
      }

      process.destroy();
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("exits after SIGTERM").isTrue();
      assertThat(process.exitValue()).as("the JVM's exit code after SIGTERM and its shutdown hooks").isEqualTo(143);
      assertThat(Files.readAllLines(log)).contains("stopped");
      assertThat(Files.readString(log)).doesNotContain("Exception");
    } finally {
      process.destroyForcibly();
    }
  }
}
