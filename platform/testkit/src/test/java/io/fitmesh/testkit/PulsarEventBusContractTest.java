package io.fitmesh.testkit;

import io.fitmesh.platform.events.EventBus;
import io.fitmesh.platform.events.EventTracing;
import io.fitmesh.platform.events.PulsarEventBus;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.extension.ExtendWith;

/** The event bus contract against a real Pulsar 4.0.7 standalone broker. */
@ExtendWith(RealInfra.class)
class PulsarEventBusContractTest extends EventBusContract {
  @Override
  protected EventBus createBus(EventTracing tracing) {
    return PulsarEventBus.connect(RealInfra.config().pulsar().serviceUrl(), Duration.ofSeconds(10), tracing,
        Clock.systemUTC());
  }
}
