package io.fitmesh.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fitmesh.infra.InfraLauncher;
import io.fitmesh.platform.client.MobileClient;
import io.fitmesh.platform.runtime.PlatformRuntime;
import io.fitmesh.testkit.RealInfra;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Pulsar goes down, a workout is finished anyway, and its training.completed reaches analytics once Pulsar is
 * back: the outbox keeps the event, the relay retries. Stops the launcher's Pulsar and resumes it on its data,
 * as a broker outage and recovery.
 */
@ExtendWith(RealInfra.class)
class PulsarOutageTest {

  @Test
  void workoutFinishedWhilePulsarIsDown_isStored_andCountedOncePulsarIsBack() throws Exception {
    assumeTrue(RealInfra.launcherManaged(), "needs the launcher's own Pulsar to stop and start");
    InfraLauncher launcher = InfraLauncher.forCheckout(System.out);
    PlatformRuntime runtime = PlatformRuntime.open(RealInfra.config().withAnyFreePorts(), "outage");
    FitmeshNode node = FitmeshNode.start(runtime);
    try {
      String bff = node.endpoint("bff");
      MobileClient app = new MobileClient(bff, runtime.tokens().mint("outage-" + UUID.randomUUID().toString()
          .substring(0, 8), Duration.ofHours(1)));
      String workoutId = "outage-" + UUID.randomUUID();
      Instant start = Instant.now().minusSeconds(900);
      assertThat(app.post("/v1/workouts", Map.of("workoutId", workoutId, "sport", "SPORT_RUN",
          "startTime", start.toString(), "timeZone", "UTC")).status()).isEqualTo(200);
      assertThat(app.post("/v1/workouts/" + workoutId + "/samples", Map.of("samples", samples(start))).status())
          .isEqualTo(200);

      launcher.down(List.of("pulsar"));
      MobileClient.Reply finished = app.post("/v1/workouts/" + workoutId + ":finish", Map.of());
      assertThat(finished.status()).as("finishing does not need Pulsar").isEqualTo(200);
      assertThat(app.get("/v1/workouts/" + workoutId).body().at("/workout/state").asText())
          .isEqualTo("WORKOUT_STATE_FINISHED");
      assertThat(app.get("/v1/athletes/me/stats").body().at("/stats/allTime").size()).isZero();

      launcher.resume(List.of("pulsar"));
      await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
          assertThat(app.get("/v1/athletes/me/stats").body().at("/stats/allTime/0/count").asText()).isEqualTo("1"));
    } finally {
      launcher.resume(List.of("pulsar"));
      node.close();
    }
  }

  private static List<Map<String, Object>> samples(Instant start) {
    List<Map<String, Object>> samples = new ArrayList<>();
    for (int seq = 0; seq < 300; seq++) {
      Map<String, Object> s = new HashMap<>();
      s.put("seq", seq);
      s.put("time", start.plusSeconds(seq).toString());
      s.put("latitudeDeg", 46.0 + seq * 3.0 / 111_195.0);
      s.put("longitudeDeg", 14.5);
      samples.add(s);
    }
    return samples;
  }
}
