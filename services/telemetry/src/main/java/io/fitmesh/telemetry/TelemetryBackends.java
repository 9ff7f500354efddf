package io.fitmesh.telemetry;

import io.fitmesh.platform.runtime.PlatformRuntime;
import io.fitmesh.telemetry.adapters.InMemoryCursorStore;
import io.fitmesh.telemetry.adapters.InMemorySampleStore;
import io.fitmesh.telemetry.adapters.ScyllaCursorStore;
import io.fitmesh.telemetry.adapters.ScyllaSampleStore;
import io.fitmesh.telemetry.domain.CursorStore;
import io.fitmesh.telemetry.domain.SampleStore;

/**
 * The telemetry service's stores as the runtime's backends make them: CQL (keyspace fitmesh_telemetry, schema
 * applied here) or the in-memory twins in embedded mode. The one place that picks adapters.
 */
record TelemetryBackends(SampleStore samples, CursorStore cursors) {

  static TelemetryBackends open(PlatformRuntime runtime) {
    return runtime.cql().map(session -> {
      String keyspace = runtime.migrateCql(TelemetryDeployable.NAME);
      return new TelemetryBackends(new ScyllaSampleStore(session, keyspace), new ScyllaCursorStore(session, keyspace));
    }).orElseGet(() -> new TelemetryBackends(new InMemorySampleStore(), new InMemoryCursorStore()));
  }
}
