package io.fitmesh.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fitmesh.infra.InfraLauncher;
import io.fitmesh.platform.client.MobileClient;
import io.fitmesh.platform.runtime.PlatformRuntime;
import io.fitmesh.testkit.RealInfra;
import io.grpc.Status;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Challenges while a backend is down: with Pulsar down a join is answered at once and announced when Pulsar is
 * back (the outbox keeps challenge.joined); with Redis down a join is UNAVAILABLE, retryable, within its deadline.
 * Stops the launcher's servers and resumes them on their data.
 */
@ExtendWith(RealInfra.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChallengeOutageTest {
  private final InfraLauncher launcher = InfraLauncher.forCheckout(System.out);
  private PlatformRuntime runtime;
  private FitmeshNode node;
  private String bff;

  @BeforeAll
  void start() {
    assumeTrue(RealInfra.launcherManaged(), "needs the launcher's own servers to stop and start");
    runtime = PlatformRuntime.open(RealInfra.config().withAnyFreePorts(), "outage");
    node = FitmeshNode.start(runtime);
    bff = node.endpoint("bff");
  }

  @AfterAll
  void stop() throws Exception {
    if (node != null) {
      launcher.resume(List.of("pulsar", "redis"));
      node.close();
    }
  }

  private MobileClient athlete(String prefix) {
    return new MobileClient(bff, runtime.tokens().mint(prefix + "-" + UUID.randomUUID().toString().substring(0, 8),
        Duration.ofHours(1)));
  }

  private String challenge(MobileClient creator) {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    MobileClient.Reply created = creator.post("/v1/challenges", Map.of("challenge", Map.of("title", "Outage run",
        "goalKind", "GOAL_KIND_TOTAL_DISTANCE", "goalTarget", 10_000, "sports", List.of("SPORT_RUN"), "timeZone", "UTC",
        "startDate", Map.of("year", today.getYear(), "month", today.getMonthValue(), "day", today.getDayOfMonth()),
        "endDate", Map.of("year", today.plusDays(7).getYear(), "month", today.plusDays(7).getMonthValue(),
            "day", today.plusDays(7).getDayOfMonth()))));
    assertThat(created.status()).as(created.body().toString()).isEqualTo(200);
    return created.body().at("/challenge/challengeId").asText();
  }

  @Test
  void aJoinWhilePulsarIsDown_isAnswered_andAnnouncedOncePulsarIsBack() throws Exception {
    String challengeId = challenge(athlete("creator"));
    MobileClient bob = athlete("bob");
    try {
      launcher.down(List.of("pulsar"));

      MobileClient.Reply joined = bob.post("/v1/challenges/" + challengeId + ":join", Map.of());

      assertThat(joined.status()).as("a join does not wait for the broker: " + joined.body()).isEqualTo(200);
    } finally {
      launcher.resume(List.of("pulsar"));
    }
    await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
        assertThat(bob.get("/v1/athletes/me/stats").body().at("/stats/challenges/joined").asText())
            .as("challenge.joined reached analytics").isEqualTo("1"));
  }

  @Test
  void aJoinWhileRedisIsDown_isUnavailable_notAnInternalError() throws Exception {
    String challengeId = challenge(athlete("creator"));
    try {
      launcher.down(List.of("redis"));

      MobileClient.Reply refused = athlete("carol").post("/v1/challenges/" + challengeId + ":join", Map.of());

      assertThat(refused.status()).as(refused.body().toString()).isEqualTo(503);
      assertThat(refused.body().at("/code").asInt()).isEqualTo(Status.Code.UNAVAILABLE.value());
    } finally {
      launcher.resume(List.of("redis"));
    }
  }
}
