package io.fitmesh.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;
import org.apache.pulsar.client.api.RedeliveryBackoff;
import org.junit.jupiter.api.Test;

class RedeliveryBackoffTest {

  @Test
  void eachRedelivery_waitsTwiceAsLong_upToAMinute_soTheDefaultAttemptsOutlastABackendRestart() {
    RedeliveryBackoff backoff = PulsarEventBus.backoff(Duration.ofSeconds(1));

    assertThat(IntStream.range(0, 9).mapToLong(backoff::next).boxed().toList())
        .containsExactly(1_000L, 2_000L, 4_000L, 8_000L, 16_000L, 32_000L, 60_000L, 60_000L, 60_000L);
    assertThat(IntStream.range(0, 9).mapToLong(backoff::next).sum()).as("ms before the default's dead letter")
        .isGreaterThan(Duration.ofMinutes(4).toMillis());
  }

  @Test
  void aFirstDelayLongerThanTheCap_isKept() {
    assertThat(PulsarEventBus.backoff(Duration.ofMinutes(2)).next(3)).isEqualTo(Duration.ofMinutes(2).toMillis());
  }
}
