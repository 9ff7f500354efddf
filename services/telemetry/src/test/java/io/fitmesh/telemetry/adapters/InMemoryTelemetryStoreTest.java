package io.fitmesh.telemetry.adapters;

import io.fitmesh.telemetry.domain.CursorStore;
import io.fitmesh.telemetry.domain.SampleStore;

class InMemoryTelemetryStoreTest extends TelemetryStoreContract {
  private final InMemorySampleStore samples = new InMemorySampleStore();
  private final InMemoryCursorStore cursors = new InMemoryCursorStore();

  @Override
  SampleStore samples() {
    return samples;
  }

  @Override
  CursorStore cursors() {
    return cursors;
  }
}
