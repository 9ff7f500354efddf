package io.fitmesh.testkit;

import io.fitmesh.platform.events.EventBus;
import io.fitmesh.platform.events.EventTracing;
import io.fitmesh.platform.events.InMemoryEventBus;
import java.time.Clock;

class InMemoryEventBusContractTest extends EventBusContract {
  @Override
  protected EventBus createBus(EventTracing tracing) {
    return new InMemoryEventBus(tracing, Clock.systemUTC());
  }
}
