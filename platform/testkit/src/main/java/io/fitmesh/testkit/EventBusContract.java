package io.fitmesh.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.StringValue;
import io.fitmesh.platform.events.DeadLetter;
import io.fitmesh.platform.events.Event;
import io.fitmesh.platform.events.EventBus;
import io.fitmesh.platform.events.EventSubscription;
import io.fitmesh.platform.events.EventTracing;
import io.fitmesh.platform.events.SubscriptionSpec;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link EventBus} adapter must do, run against each of them. Every test uses fresh topic names,
 * so the real broker needs no cleaning between tests.
 */
public abstract class EventBusContract {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Duration REDELIVERY = Duration.ofMillis(200);

  protected final InMemorySpanExporter spans = InMemorySpanExporter.create();
  protected OpenTelemetrySdk openTelemetry;
  private final List<AutoCloseable> toClose = new ArrayList<>();
  private EventBus bus;

  /** A new bus of the adapter under test, tracing with the given tracing. */
  protected abstract EventBus createBus(EventTracing tracing);

  @BeforeEach
  void createBusWithTracing() {
    openTelemetry = OpenTelemetrySdk.builder()
        .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
        .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
        .build();
    bus = createBus(new EventTracing(openTelemetry, "test"));
  }

  @AfterEach
  void closeEverything() throws Exception {
    for (AutoCloseable c : toClose) {
      c.close();
    }
    bus.close();
    openTelemetry.close();
  }

  @Test
  void publish_deliversEveryEventAtLeastOnceInOrderPerKey() {
    String topic = freshTopic();
    Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
    subscribe(new SubscriptionSpec(topic, "ordering", 3, REDELIVERY), e ->
        seen.computeIfAbsent(e.key(), k -> Collections.synchronizedList(new ArrayList<>()))
            .add(Integer.parseInt(e.payload(StringValue.class).getValue())));

    for (int i = 0; i < 50; i++) {
      for (int k = 0; k < 5; k++) {
        bus.publish(topic, "key-" + k, StringValue.of(Integer.toString(i)));
      }
    }

    await().atMost(WAIT).until(() -> seen.values().stream().mapToInt(List::size).sum() >= 250);
    for (List<Integer> values : seen.values()) {
      assertThat(values).as("one key's events in publish order, none lost").containsExactlyElementsOf(range(50));
    }
  }

  @Test
  void batchSubscription_deliversEveryEventInOrderPerKey_inBatchesNoLargerThanAsked() {
    String topic = freshTopic();
    Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
    List<Integer> sizes = new CopyOnWriteArrayList<>();
    toClose.add(bus.subscribeBatches(new SubscriptionSpec(topic, "batches", 3, REDELIVERY), 40, events -> {
      sizes.add(events.size());
      for (Event e : events) {
        seen.computeIfAbsent(e.key(), k -> Collections.synchronizedList(new ArrayList<>()))
            .add(Integer.parseInt(e.payload(StringValue.class).getValue()));
      }
    }));

    for (int i = 0; i < 50; i++) {
      for (int k = 0; k < 5; k++) {
        bus.publish(topic, "key-" + k, StringValue.of(Integer.toString(i)));
      }
    }

    await().atMost(WAIT).until(() -> seen.values().stream().mapToInt(List::size).sum() >= 250);
    for (List<Integer> values : seen.values()) {
      assertThat(values).as("one key's events in publish order, none lost").containsExactlyElementsOf(range(50));
    }
    assertThat(sizes).allMatch(size -> size >= 1 && size <= 40);
  }

  @Test
  void failedBatch_isDeliveredAgain() {
    String topic = freshTopic();
    AtomicInteger failures = new AtomicInteger();
    List<String> applied = new CopyOnWriteArrayList<>();
    toClose.add(bus.subscribeBatches(new SubscriptionSpec(topic, "flaky-batches", 5, REDELIVERY), 100, events -> {
      if (failures.getAndIncrement() == 0) {
        throw new IllegalStateException("store is down");
      }
      events.forEach(e -> applied.add(e.payload(StringValue.class).getValue()));
    }));

    bus.publish(topic, "k", StringValue.of("x"));

    await().atMost(WAIT).until(() -> applied.contains("x"));
    assertThat(failures.get()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void publish_returnsTheEventIdTheConsumerSees() throws Exception {
    String topic = freshTopic();
    List<Event> received = new CopyOnWriteArrayList<>();
    subscribe(new SubscriptionSpec(topic, "ids", 3, REDELIVERY), received::add);

    String eventId = bus.publish(topic, "athlete-1", StringValue.of("hello")).get();

    await().atMost(WAIT).until(() -> !received.isEmpty());
    Event event = received.get(0);
    assertThat(event.eventId()).isEqualTo(eventId);
    assertThat(event.topic()).isEqualTo(topic);
    assertThat(event.key()).isEqualTo("athlete-1");
    assertThat(event.attempt()).isEqualTo(1);
    assertThat(event.payload(StringValue.class).getValue()).isEqualTo("hello");
  }

  @Test
  void subscribe_afterPublish_stillReceivesTheBacklogOfAnExistingSubscription() throws Exception {
    String topic = freshTopic();
    SubscriptionSpec spec = new SubscriptionSpec(topic, "late", 3, REDELIVERY);
    subscribe(spec, e -> { }).close();

    bus.publish(topic, "k", StringValue.of("while nobody listened")).get();
    List<String> received = new CopyOnWriteArrayList<>();
    subscribe(spec, e -> received.add(e.payload(StringValue.class).getValue()));

    await().atMost(WAIT).until(() -> received.contains("while nobody listened"));
  }

  @Test
  void failedHandler_getsTheEventAgainUntilItSucceeds() {
    String topic = freshTopic();
    AtomicInteger attempts = new AtomicInteger();
    List<Integer> succeededOnAttempt = new CopyOnWriteArrayList<>();
    subscribe(new SubscriptionSpec(topic, "flaky", 5, REDELIVERY), e -> {
      attempts.incrementAndGet();
      if (e.attempt() < 3) {
        throw new IllegalStateException("store is down (attempt " + e.attempt() + ")");
      }
      succeededOnAttempt.add(e.attempt());
    });

    bus.publish(topic, "k", StringValue.of("x"));

    await().atMost(WAIT).until(() -> !succeededOnAttempt.isEmpty());
    assertThat(succeededOnAttempt).containsExactly(3);
    assertThat(attempts.get()).isEqualTo(3);
  }

  @Test
  void handlerThatAlwaysFails_sendsTheEventToTheDeadLetterTopicAfterMaxAttempts() throws Exception {
    String topic = freshTopic();
    SubscriptionSpec spec = new SubscriptionSpec(topic, "doomed", 3, REDELIVERY);
    List<String> deadLetters = new CopyOnWriteArrayList<>();
    subscribe(new SubscriptionSpec(spec.deadLetterTopic(), "inspect", 3, REDELIVERY),
        e -> deadLetters.add(e.eventId()));
    List<Integer> attempts = new CopyOnWriteArrayList<>();
    subscribe(spec, e -> {
      attempts.add(e.attempt());
      throw new IllegalStateException("poison");
    });

    String eventId = bus.publish(topic, "k", StringValue.of("poison")).get();

    await().atMost(WAIT).until(() -> deadLetters.contains(eventId));
    assertThat(attempts).containsExactly(1, 2, 3);
  }

  @Test
  void deadLetters_areListedWithTheirSubscription_andAReplayDeliversThemAgainOnce() throws Exception {
    String topic = freshTopic();
    AtomicBoolean broken = new AtomicBoolean(true);
    List<String> handled = new CopyOnWriteArrayList<>();
    subscribe(new SubscriptionSpec(topic, "fragile", 2, REDELIVERY), e -> {
      if (broken.get()) {
        throw new IllegalStateException("a bug, fixed later");
      }
      handled.add(e.eventId());
    });
    String eventId = bus.publish(topic, "athlete-7", StringValue.of("kept")).get();

    await().atMost(WAIT).until(() -> !bus.deadLetters(l -> l.topic().equals(topic), 10).isEmpty());
    List<DeadLetter> letters = bus.deadLetters(l -> l.topic().equals(topic), 10);
    assertThat(letters).singleElement().satisfies(letter -> {
      assertThat(letter.eventId()).isEqualTo(eventId);
      assertThat(letter.subscription()).isEqualTo("fragile");
      assertThat(letter.key()).isEqualTo("athlete-7");
      assertThat(letter.payloadType()).isEqualTo("google.protobuf.StringValue");
    });
    assertThat(bus.deadLetters(l -> l.topic().equals(topic), 10)).as("listing leaves them").hasSize(1);

    broken.set(false);
    List<String> replayed = new CopyOnWriteArrayList<>();
    assertThat(bus.replayDeadLetters(l -> l.topic().equals(topic), l -> replayed.add(l.eventId()))).isEqualTo(1);

    assertThat(replayed).containsExactly(eventId);
    await().atMost(WAIT).until(() -> handled.contains(eventId));
    assertThat(bus.deadLetters(l -> l.topic().equals(topic), 10)).isEmpty();
    assertThat(bus.replayDeadLetters(l -> l.topic().equals(topic), l -> { })).isZero();
    assertThat(handled).containsExactly(eventId);
  }

  @Test
  void twoConsumersOfOneSubscription_splitTheKeysWithoutLossOrDuplicates() {
    String topic = freshTopic();
    SubscriptionSpec spec = new SubscriptionSpec(topic, "scaled-out", 3, REDELIVERY);
    List<String> first = new CopyOnWriteArrayList<>();
    List<String> second = new CopyOnWriteArrayList<>();
    subscribe(spec, e -> first.add(e.key() + "/" + e.payload(StringValue.class).getValue()));
    subscribe(spec, e -> second.add(e.key() + "/" + e.payload(StringValue.class).getValue()));

    int keys = 40;
    int perKey = 10;
    for (int i = 0; i < perKey; i++) {
      for (int k = 0; k < keys; k++) {
        bus.publish(topic, "athlete-" + k, StringValue.of(Integer.toString(i)));
      }
    }

    await().atMost(WAIT).until(() -> first.size() + second.size() >= keys * perKey);
    List<String> all = new ArrayList<>(first);
    all.addAll(second);
    assertThat(all).doesNotHaveDuplicates().hasSize(keys * perKey);
    assertThat(first).as("each consumer gets a share").isNotEmpty();
    assertThat(second).as("each consumer gets a share").isNotEmpty();
    Set<String> firstKeys = keysOf(first);
    firstKeys.retainAll(keysOf(second));
    assertThat(firstKeys).as("a key stays with one consumer").isEmpty();
  }

  @Test
  void ephemeralSubscription_seesOnlyWhatIsPublishedWhileItIsOpen() throws Exception {
    String topic = freshTopic();
    bus.publish(topic, "k", StringValue.of("before")).get();
    List<String> received = new CopyOnWriteArrayList<>();
    EventSubscription live = subscribe(SubscriptionSpec.ephemeral(topic, "live-1"),
        e -> received.add(e.payload(StringValue.class).getValue()));

    bus.publish(topic, "k", StringValue.of("during")).get();
    await().atMost(WAIT).until(() -> received.contains("during"));
    live.close();
    bus.publish(topic, "k", StringValue.of("after")).get();
    List<String> again = new CopyOnWriteArrayList<>();
    subscribe(SubscriptionSpec.ephemeral(topic, "live-1"), e -> again.add(e.payload(StringValue.class).getValue()));
    bus.publish(topic, "k", StringValue.of("later")).get();

    await().atMost(WAIT).until(() -> again.contains("later"));
    assertThat(received).containsExactly("during");
    assertThat(again).containsExactly("later");
  }

  @Test
  void traceContext_crossesThePublishConsumeHop_asOneTrace() {
    String topic = freshTopic();
    List<String> handlerTraceIds = new CopyOnWriteArrayList<>();
    subscribe(new SubscriptionSpec(topic, "traced", 3, REDELIVERY),
        e -> handlerTraceIds.add(Span.current().getSpanContext().getTraceId()));

    Span request = openTelemetry.getTracer("test").spanBuilder("request").startSpan();
    try (Scope ignored = request.makeCurrent()) {
      bus.publish(topic, "k", StringValue.of("traced"));
    } finally {
      request.end();
    }

    String traceId = request.getSpanContext().getTraceId();
    await().atMost(WAIT).until(() -> !handlerTraceIds.isEmpty()
        && spans.getFinishedSpanItems().stream().anyMatch(s -> s.getKind() == SpanKind.CONSUMER));
    assertThat(handlerTraceIds).containsExactly(traceId);
    SpanData producer = spanOfKind(SpanKind.PRODUCER);
    SpanData consumer = spanOfKind(SpanKind.CONSUMER);
    assertThat(producer.getTraceId()).isEqualTo(traceId);
    assertThat(producer.getParentSpanId()).isEqualTo(request.getSpanContext().getSpanId());
    assertThat(consumer.getTraceId()).isEqualTo(traceId);
    assertThat(consumer.getParentSpanId()).isEqualTo(producer.getSpanId());
  }

  private SpanData spanOfKind(SpanKind kind) {
    return spans.getFinishedSpanItems().stream().filter(s -> s.getKind() == kind).findFirst().orElseThrow();
  }

  private EventSubscription subscribe(SubscriptionSpec spec, io.fitmesh.platform.events.EventHandler handler) {
    EventSubscription subscription = bus.subscribe(spec, handler);
    toClose.add(subscription);
    return subscription;
  }

  private static Set<String> keysOf(List<String> keyed) {
    Set<String> keys = new HashSet<>();
    keyed.forEach(k -> keys.add(k.substring(0, k.indexOf('/'))));
    return keys;
  }

  private static List<Integer> range(int n) {
    List<Integer> values = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      values.add(i);
    }
    return values;
  }

  private static String freshTopic() {
    return "contract." + UUID.randomUUID().toString().substring(0, 8);
  }
}
