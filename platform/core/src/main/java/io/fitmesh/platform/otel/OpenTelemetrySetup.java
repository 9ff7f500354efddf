package io.fitmesh.platform.otel;

import static java.util.Objects.requireNonNull;

import io.fitmesh.platform.config.PlatformConfig.OtelSettings;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.exporter.logging.LoggingSpanExporter;
import io.opentelemetry.exporter.otlp.metrics.OtlpGrpcMetricExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.SdkMeterProviderBuilder;
import io.opentelemetry.sdk.metrics.export.MetricReader;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SdkTracerProviderBuilder;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;

/**
 * Builds the process's OpenTelemetry SDK. W3C trace context is always propagated (gRPC metadata, event
 * envelopes), so one trace spans the BFF, the services and Pulsar; spans are exported only when asked:
 * {@code otlp} to OTEL_EXPORTER_OTLP_ENDPOINT, {@code logging} to the log, {@code none} nowhere. Metrics (such as
 * the ingest stage timings) go to the same OTLP endpoint every minute with {@code otlp}, and to any reader the
 * caller adds (the benches read them in process).
 */
public final class OpenTelemetrySetup {
  private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");
  private static final AttributeKey<String> SERVICE_NAMESPACE = AttributeKey.stringKey("service.namespace");

  private OpenTelemetrySetup() {}

  public static OpenTelemetrySdk create(OtelSettings settings, String serviceName) {
    return create(settings, serviceName, List.of());
  }

  /** Like {@link #create(OtelSettings, String)}, with metrics also collected by {@code metricReaders}. */
  public static OpenTelemetrySdk create(OtelSettings settings, String serviceName, List<MetricReader> metricReaders) {
    requireNonNull(settings, "settings");
    requireNonNull(metricReaders, "metricReaders");
    Resource resource = Resource.getDefault().merge(Resource.create(Attributes.of(
        SERVICE_NAME, requireNonNull(serviceName, "serviceName"),
        SERVICE_NAMESPACE, settings.serviceNamespace())));
    SdkTracerProviderBuilder tracing = SdkTracerProvider.builder().setResource(resource);
    switch (settings.exporter()) {
      case "otlp" -> tracing.addSpanProcessor(BatchSpanProcessor.builder(
          OtlpGrpcSpanExporter.builder().setEndpoint(settings.endpoint()).build()).build());
      case "logging" -> tracing.addSpanProcessor(SimpleSpanProcessor.create(LoggingSpanExporter.create()));
      default -> { }
    }
    SdkMeterProviderBuilder metrics = SdkMeterProvider.builder().setResource(resource);
    if (settings.exporter().equals("otlp")) {
      metrics.registerMetricReader(PeriodicMetricReader.create(
          OtlpGrpcMetricExporter.builder().setEndpoint(settings.endpoint()).build()));
    }
    metricReaders.forEach(metrics::registerMetricReader);
    return OpenTelemetrySdk.builder()
        .setTracerProvider(tracing.build())
        .setMeterProvider(metrics.build())
        .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
        .build();
  }
}
