package io.fitmesh.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fitmesh.platform.runtime.PlatformRuntime;
import io.fitmesh.testkit.RealInfra;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RealInfra.class)
class PhaseLoadTest {

  @Test
  void aPhaseOnTheLocalCqlServer_isDescribedByTheServersCompactionsAndTheCpu() throws Exception {
    assumeTrue(RealInfra.launcherManaged(), "the launcher's CQL server is Cassandra, which shows its compactions");
    try (PlatformRuntime runtime = PlatformRuntime.open(RealInfra.config(), "phase-load")) {
      PhaseLoad load = new PhaseLoad(runtime.cql().orElseThrow());
      load.reset();

      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(load.during())
          .matches("the CQL server compacted during \\d+% of it; CPU \\d+% busy, this JVM \\d+%"));
    }
  }
}
