package io.fitmesh.telemetry.grpc;

import io.fitmesh.telemetry.adapters.InMemoryCursorStore;
import io.fitmesh.telemetry.adapters.InMemorySampleStore;
import io.fitmesh.telemetry.domain.CursorStore;
import io.fitmesh.telemetry.domain.SampleStore;

class InMemoryStreamCancellationTest extends StreamCancellationContract {
  private final SampleStore samples = new InMemorySampleStore();
  private final CursorStore cursors = new InMemoryCursorStore();

  @Override
  SampleStore samples() {
    return samples;
  }

  @Override
  CursorStore cursors() {
    return cursors;
  }
}
