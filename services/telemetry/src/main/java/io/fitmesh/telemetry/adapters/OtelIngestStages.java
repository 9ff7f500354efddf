package io.fitmesh.telemetry.adapters;

import io.fitmesh.telemetry.domain.IngestStages;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import java.util.EnumMap;
import java.util.Map;

/** Ingest stage timings as the OpenTelemetry histogram {@value #METRIC} (ms), one series per {@code stage}. */
public final class OtelIngestStages implements IngestStages {
  public static final String METRIC = "fitmesh.telemetry.ingest.stage.duration";
  public static final AttributeKey<String> STAGE = AttributeKey.stringKey("stage");

  private final DoubleHistogram histogram;
  private final Map<Stage, Attributes> attributes = new EnumMap<>(Stage.class);

  public OtelIngestStages(OpenTelemetry openTelemetry) {
    histogram = openTelemetry.getMeter("io.fitmesh.telemetry").histogramBuilder(METRIC).setUnit("ms")
        .setDescription("Time a sample batch spends in each ingest stage").build();
    for (Stage stage : Stage.values()) {
      attributes.put(stage, Attributes.of(STAGE, stage.label()));
    }
  }

  @Override
  public void record(Stage stage, long nanos) {
    histogram.record(nanos / 1e6, attributes.get(stage));
  }
}
