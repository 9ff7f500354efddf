package io.fitmesh.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fitmesh.platform.runtime.PlatformRuntime;
import io.fitmesh.testkit.RealInfra;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RealInfra.class)
class PhaseLoadTest {

  @Test
  void aPhaseOnTheLocalServers_isDescribedByTheCqlServersCompactionsAndWhoUsedTheCpu() throws Exception {
    assumeTrue(RealInfra.launcherManaged(), "the launcher's CQL server is Cassandra, which shows its compactions");
    try (PlatformRuntime runtime = PlatformRuntime.open(RealInfra.config(), "phase-load")) {
      PhaseLoad load = new PhaseLoad(runtime.cql().orElseThrow(), BenchReport.localServers());
      load.reset();
      busyFor(Duration.ofSeconds(2));

      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(load.during())
          .matches("the CQL server compacted during \\d+% of it; CPU \\d+% busy: this JVM \\d+%, Pulsar \\d+%, "
              + "the CQL server \\d+%, Redis \\d+%"));
      Matcher jvm = Pattern.compile("this JVM (\\d+)%").matcher(load.during());
      assertThat(jvm.find()).isTrue();
      // a thread kept busy through the phase is one CPU's worth of the machine's time; allow for sharing that CPU
      double oneCpu = 100.0 / Runtime.getRuntime().availableProcessors();
      assertThat(Double.parseDouble(jvm.group(1))).isGreaterThanOrEqualTo(Math.floor(oneCpu / 5));
    }
  }

  /** Keeps this thread computing for the given wall time. */
  private static long busyFor(Duration time) {
    long until = System.nanoTime() + time.toNanos();
    long sum = 0;
    while (System.nanoTime() < until) {
      for (int i = 0; i < 10_000; i++) {
        sum += i * 31L ^ sum;
      }
    }
    return sum;
  }
}
