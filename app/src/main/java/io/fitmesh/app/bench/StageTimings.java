package io.fitmesh.app.bench;

import io.fitmesh.telemetry.adapters.OtelIngestStages;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.Aggregation;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.ExponentialHistogramBuckets;
import io.opentelemetry.sdk.metrics.data.ExponentialHistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.CollectionRegistration;
import io.opentelemetry.sdk.metrics.export.MetricReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the ingest stage histogram ({@link OtelIngestStages#METRIC}) inside the bench's own JVM, which hosts the
 * services. Each {@link #since()} returns the stages recorded since the previous call (delta temporality), kept as
 * exponential histograms of up to {@link #MAX_BUCKETS} buckets: over 0.01 ms to 10 s that is 64 buckets per doubling,
 * so a percentile (the geometric middle of its bucket) is within about 1% of the value.
 */
final class StageTimings implements MetricReader {
  static final int MAX_BUCKETS = 2048;
  private volatile CollectionRegistration registration = CollectionRegistration.noop();

  /** One stage over an interval: how many batches passed it, their mean and percentiles, in ms. */
  record StageSummary(String name, long count, double meanMs, double p50Ms, double p99Ms, double maxMs) {}

  /** Forgets what was recorded so far: the next {@link #since()} covers only what comes after. */
  void reset() {
    since();
  }

  /** The stages recorded since the last call (or {@link #reset()}), by name. */
  Map<String, StageSummary> since() {
    Map<String, StageSummary> stages = new LinkedHashMap<>();
    for (MetricData metric : registration.collectAllMetrics()) {
      if (!metric.getName().equals(OtelIngestStages.METRIC)) {
        continue;
      }
      for (ExponentialHistogramPointData point : metric.getExponentialHistogramData().getPoints()) {
        String name = point.getAttributes().get(OtelIngestStages.STAGE);
        if (point.getCount() > 0) {
          stages.put(name, new StageSummary(name, point.getCount(), point.getSum() / point.getCount(),
              percentile(point, 50), percentile(point, 99), point.getMax()));
        }
      }
    }
    return stages;
  }

  /** The geometric middle of the bucket holding the {@code percent}th value (zero for values recorded as zero). */
  static double percentile(ExponentialHistogramPointData point, double percent) {
    long rank = (long) Math.ceil(point.getCount() * percent / 100.0);
    long seen = point.getZeroCount();
    if (seen >= rank) {
      return 0;
    }
    ExponentialHistogramBuckets buckets = point.getPositiveBuckets();
    List<Long> counts = buckets.getBucketCounts();
    double base = Math.pow(2, Math.pow(2, -point.getScale()));
    for (int i = 0; i < counts.size(); i++) {
      seen += counts.get(i);
      if (seen >= rank) {
        return Math.min(point.getMax(), Math.pow(base, buckets.getOffset() + i + 0.5));
      }
    }
    return point.getMax();
  }

  @Override
  public void register(CollectionRegistration registration) {
    this.registration = registration;
  }

  @Override
  public AggregationTemporality getAggregationTemporality(InstrumentType instrumentType) {
    return AggregationTemporality.DELTA;
  }

  @Override
  public Aggregation getDefaultAggregation(InstrumentType instrumentType) {
    return instrumentType == InstrumentType.HISTOGRAM ? Aggregation.base2ExponentialBucketHistogram(MAX_BUCKETS, 20)
        : Aggregation.defaultAggregation();
  }

  @Override
  public CompletableResultCode forceFlush() {
    return CompletableResultCode.ofSuccess();
  }

  @Override
  public CompletableResultCode shutdown() {
    return CompletableResultCode.ofSuccess();
  }
}
