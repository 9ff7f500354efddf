package io.fitmesh.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fitmesh.platform.client.MobileClient;
import io.fitmesh.platform.runtime.PlatformRuntime;
import io.fitmesh.testkit.RealInfra;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** One OpenTelemetry trace covers BFF -> training -> telemetry -> Pulsar -> analytics for a finish. */
@ExtendWith(RealInfra.class)
class OneTraceAcrossServicesTest {

  private static final AttributeKey<String> SUBSCRIPTION =
      AttributeKey.stringKey("messaging.destination.subscription.name");

  @Test
  void finishingAWorkout_isOneTrace_fromTheBffThroughPulsarToAnalytics() {
    InMemorySpanExporter spans = InMemorySpanExporter.create();
    OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
        .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
        .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
        .build();
    PlatformRuntime runtime = PlatformRuntime.open(RealInfra.config().withAnyFreePorts(), otel);
    FitmeshNode node = FitmeshNode.start(runtime);
    try {
      String bff = node.endpoint("bff");
      MobileClient app = new MobileClient(bff, runtime.tokens().mint("tracer", Duration.ofHours(1)));
      String workoutId = "traced-" + UUID.randomUUID();
      Instant start = Instant.now().minusSeconds(600);
      app.post("/v1/workouts", Map.of("workoutId", workoutId, "sport", "SPORT_WALK",
          "startTime", start.toString(), "timeZone", "UTC"));
      List<Map<String, Object>> samples = new ArrayList<>();
      for (int seq = 0; seq < 60; seq++) {
        Map<String, Object> s = new HashMap<>();
        s.put("seq", seq);
        s.put("time", start.plusSeconds(seq).toString());
        s.put("latitudeDeg", 46.0 + seq * 1.4 / 111_195.0);
        s.put("longitudeDeg", 14.5);
        samples.add(s);
      }
      app.post("/v1/workouts/" + workoutId + "/samples", Map.of("samples", samples));
      spans.reset();

      assertThat(app.post("/v1/workouts/" + workoutId + ":finish", Map.of()).status()).isEqualTo(200);

      // Wait for the whole trace, not for any consumer span: a leftover event of an earlier test (the broker and
      // the outbox table are shared) has a consumer span of its own trace, and this trace's producer span ends
      // only when the broker acknowledges, which may come after the consumer has run.
      await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(traceOfFinish(spans))
          .contains(
              "SERVER fitmesh.training.v1.TrainingService/FinishWorkout",
              "SERVER fitmesh.telemetry.v1.TelemetryIngestService/ListSamples",
              "PRODUCER training.completed publish",
              "CONSUMER training.completed process (analytics)"));
      SpanData consumer = spans.getFinishedSpanItems().stream()
          .filter(s -> s.getKind() == SpanKind.CONSUMER && "analytics".equals(s.getAttributes().get(SUBSCRIPTION)))
          .filter(s -> s.getTraceId().equals(entry(spans).orElseThrow().getTraceId()))
          .findFirst().orElseThrow();
      SpanData producer = spans.getFinishedSpanItems().stream()
          .filter(s -> s.getKind() == SpanKind.PRODUCER && s.getTraceId().equals(consumer.getTraceId()))
          .findFirst().orElseThrow();
      assertThat(consumer.getParentSpanId()).as("the analytics consumer continues the publish").isEqualTo(producer.getSpanId());
    } finally {
      node.close();
    }
  }

  private static Optional<SpanData> entry(InMemorySpanExporter spans) {
    return spans.getFinishedSpanItems().stream()
        .filter(s -> s.getKind() == SpanKind.SERVER
            && s.getName().equals("fitmesh.bff.v1.MobileWorkoutService/FinishWorkout"))
        .findFirst();
  }

  /** The spans of the BFF's FinishWorkout trace, as "KIND name" (consumers with their subscription). */
  private static List<String> traceOfFinish(InMemorySpanExporter spans) {
    String traceId = entry(spans).map(SpanData::getTraceId).orElse("none yet");
    return spans.getFinishedSpanItems().stream()
        .filter(s -> s.getTraceId().equals(traceId))
        .map(s -> s.getKind() + " " + s.getName()
            + (s.getKind() == SpanKind.CONSUMER ? " (" + s.getAttributes().get(SUBSCRIPTION) + ")" : ""))
        .toList();
  }
}
