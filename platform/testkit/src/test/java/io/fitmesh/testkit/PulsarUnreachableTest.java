package io.fitmesh.testkit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fitmesh.platform.errors.BackendUnreachableException;
import io.fitmesh.platform.events.EventTracing;
import io.fitmesh.platform.events.PulsarEventBus;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PulsarUnreachableTest {
  @Test
  void connect_toAPortNobodyListensOn_failsFastNamingTheAddress() {
    assertThatThrownBy(() -> PulsarEventBus.connect("pulsar://127.0.0.1:1", Duration.ofSeconds(2),
            new EventTracing(OpenTelemetry.noop(), "test"), Clock.systemUTC()))
        .isInstanceOf(BackendUnreachableException.class)
        .hasMessageContaining("Pulsar at pulsar://127.0.0.1:1 is unreachable");
  }
}
