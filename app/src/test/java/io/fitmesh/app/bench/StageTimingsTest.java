package io.fitmesh.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fitmesh.telemetry.adapters.OtelIngestStages;
import io.fitmesh.telemetry.domain.IngestStages.Stage;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StageTimingsTest {
  private final StageTimings timings = new StageTimings();

  @Test
  void recordedStages_comeBackWithCountMeanAndPercentilesWithinAFewPercent_onceEach() {
    try (OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
        .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(timings).build()).build()) {
      OtelIngestStages stages = new OtelIngestStages(otel);
      for (int ms = 1; ms <= 100; ms++) {
        stages.record(Stage.CQL_WRITE, ms * 1_000_000L);
      }
      stages.record(Stage.ACK, 200_000L);

      Map<String, StageTimings.Stage> first = timings.since();

      StageTimings.Stage write = first.get("cql write");
      assertThat(write.count()).isEqualTo(100);
      assertThat(write.meanMs()).isCloseTo(50.5, within(0.01));
      assertThat(write.p50Ms()).isCloseTo(50, within(3.0));
      assertThat(write.p99Ms()).isCloseTo(99, within(5.0));
      assertThat(write.maxMs()).isEqualTo(100);
      assertThat(first.get("ack").p99Ms()).isCloseTo(0.2, within(0.02));
      assertThat(first).doesNotContainKey("receive");
      assertThat(timings.since()).as("each interval starts afresh").isEmpty();
    }
  }
}
