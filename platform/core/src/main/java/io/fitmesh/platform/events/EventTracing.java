package io.fitmesh.platform.events;

import static java.util.Objects.requireNonNull;

import io.fitmesh.events.v1.EventEnvelope;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Carries one trace across the bus: a PRODUCER span around each publish whose context goes into the envelope
 * (and Pulsar message properties), and a CONSUMER span, child of it, around each handler call.
 */
public final class EventTracing {
  private static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
  private static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
  private static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
  private static final AttributeKey<Long> BATCH_SIZE = AttributeKey.longKey("messaging.batch.message_count");
  private static final AttributeKey<String> SUBSCRIPTION =
      AttributeKey.stringKey("messaging.destination.subscription.name");
  private static final TextMapGetter<Map<String, String>> MAP_GETTER = new TextMapGetter<>() {
    @Override
    public Iterable<String> keys(Map<String, String> carrier) {
      return carrier.keySet();
    }

    @Override
    public String get(Map<String, String> carrier, String key) {
      return carrier == null ? null : carrier.get(key);
    }
  };

  private final Tracer tracer;
  private final TextMapPropagator propagator;
  private final String system;

  public EventTracing(OpenTelemetry openTelemetry, String system) {
    requireNonNull(openTelemetry, "openTelemetry");
    this.tracer = openTelemetry.getTracer("io.fitmesh.events");
    this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    this.system = requireNonNull(system, "system");
  }

  /**
   * Starts the PRODUCER span of a publish, child of the context the envelope was made in (the caller's span,
   * also when an outbox relay sends it later). End it when the send settles.
   */
  Span startPublish(EventEnvelope envelope) {
    return tracer.spanBuilder(envelope.getTopic() + " publish")
        .setParent(extract(envelope))
        .setSpanKind(SpanKind.PRODUCER)
        .setAttribute(SYSTEM, system)
        .setAttribute(DESTINATION, envelope.getTopic())
        .setAttribute(MESSAGE_ID, envelope.getEventId())
        .startSpan();
  }

  /** The W3C headers (traceparent, ...) of the caller's current context. */
  Map<String, String> currentContext() {
    Map<String, String> carrier = new HashMap<>();
    propagator.inject(Context.current(), carrier, Map::put);
    return carrier;
  }

  /** The W3C headers of the given span, to put in the envelope. */
  Map<String, String> contextOf(Span span) {
    Map<String, String> carrier = new HashMap<>();
    propagator.inject(Context.root().with(span), carrier, Map::put);
    return carrier;
  }

  private Context extract(EventEnvelope envelope) {
    return propagator.extract(Context.root(), envelope.getTraceContextMap(), MAP_GETTER);
  }

  /**
   * Runs a batch handler inside one CONSUMER span linked to the publishers' spans (the first 128 of them);
   * failures mark the span.
   */
  void consumeBatch(String topic, String subscription, List<EventEnvelope> envelopes, List<Event> events,
      BatchEventHandler handler) throws Exception {
    SpanBuilder builder = tracer.spanBuilder(topic + " process")
        .setNoParent()
        .setSpanKind(SpanKind.CONSUMER)
        .setAttribute(SYSTEM, system)
        .setAttribute(DESTINATION, topic)
        .setAttribute(SUBSCRIPTION, subscription)
        .setAttribute(BATCH_SIZE, (long) events.size());
    envelopes.stream().limit(128).forEach(e -> builder.addLink(Span.fromContext(extract(e)).getSpanContext()));
    runIn(builder.startSpan(), () -> handler.handle(events));
  }

  /** Runs the handler inside a CONSUMER span continuing the publisher's trace; failures mark the span. */
  void consume(EventEnvelope envelope, String subscription, Event event, EventHandler handler) throws Exception {
    Span span = tracer.spanBuilder(envelope.getTopic() + " process")
        .setParent(extract(envelope))
        .setSpanKind(SpanKind.CONSUMER)
        .setAttribute(SYSTEM, system)
        .setAttribute(DESTINATION, envelope.getTopic())
        .setAttribute(SUBSCRIPTION, subscription)
        .setAttribute(MESSAGE_ID, envelope.getEventId())
        .startSpan();
    runIn(span, () -> handler.handle(event));
  }

  private interface Work {
    void run() throws Exception;
  }

  /** Runs the work with the span current, marks the span on failure, and ends it. */
  private static void runIn(Span span, Work work) throws Exception {
    try (Scope ignored = span.makeCurrent()) {
      work.run();
    } catch (Exception | Error e) {
      span.recordException(e);
      span.setStatus(StatusCode.ERROR);
      throw e;
    } finally {
      span.end();
    }
  }
}
