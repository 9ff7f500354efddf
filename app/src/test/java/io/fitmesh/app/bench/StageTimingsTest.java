package io.fitmesh.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import io.fitmesh.telemetry.adapters.OtelIngestStages;
import io.fitmesh.telemetry.domain.IngestStages.Stage;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StageTimingsTest {
  private final StageTimings timings = new StageTimings();

  @Test
  void recordedStages_comeBackWithCountMeanAndPercentilesWithinAboutOnePercent_onceEach() {
    try (OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
        .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(timings).build()).build()) {
      OtelIngestStages stages = new OtelIngestStages(otel);
      // 1,000 values spread evenly on a log scale from 0.01 ms to 2,000 ms: the nth is 0.01 * 200000^(n/999).
      double sum = 0;
      for (int n = 0; n < 1000; n++) {
        double ms = 0.01 * Math.pow(200_000, n / 999.0);
        sum += ms;
        stages.record(Stage.SAMPLE_WRITE, Math.round(ms * 1_000_000));
      }
      stages.record(Stage.ACK, 200_000L);

      Map<String, StageTimings.StageSummary> first = timings.since();

      StageTimings.StageSummary write = first.get("sample_write");
      assertThat(write.count()).isEqualTo(1000);
      assertThat(write.meanMs()).isCloseTo(sum / 1000, withinPercentage(0.1));
      assertThat(write.p50Ms()).isCloseTo(0.01 * Math.pow(200_000, 499 / 999.0), withinPercentage(2));
      assertThat(write.p99Ms()).isCloseTo(0.01 * Math.pow(200_000, 989 / 999.0), withinPercentage(2));
      assertThat(write.maxMs()).isCloseTo(2000, withinPercentage(0.01));
      assertThat(first.get("ack").p99Ms()).isCloseTo(0.2, within(0.004));
      assertThat(first).doesNotContainKey("receive");
      assertThat(timings.since()).as("each interval starts afresh").isEmpty();
    }
  }
}
