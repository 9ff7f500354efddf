package io.fitmesh.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.StringValue;
import io.fitmesh.events.v1.EventEnvelope;
import io.fitmesh.platform.errors.DomainException;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class OutboxRelayTest {
  private final InMemoryEventBus real = new InMemoryEventBus(new EventTracing(OpenTelemetry.noop(), "test"), Clock.systemUTC());
  private final AtomicBoolean brokerDown = new AtomicBoolean(true);
  private final List<String> published = new CopyOnWriteArrayList<>();

  /** A bus whose broker is down until the test says otherwise. */
  private final EventBus flaky = new EventBus() {
    @Override
    public EventEnvelope envelope(String topic, String key, com.google.protobuf.Message payload) {
      return real.envelope(topic, key, payload);
    }

    @Override
    public CompletableFuture<String> publish(EventEnvelope envelope) {
      if (brokerDown.get()) {
        return CompletableFuture.failedFuture(DomainException.unavailable("broker down", null));
      }
      published.add(envelope.getEventId());
      return CompletableFuture.completedFuture(envelope.getEventId());
    }

    @Override
    public EventSubscription subscribe(SubscriptionSpec spec, EventHandler handler) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<DeadLetter> deadLetters(Predicate<DeadLetter> which, int limit) {
      throw new UnsupportedOperationException();
    }

    @Override
    public int replayDeadLetters(Predicate<DeadLetter> which,
        Consumer<DeadLetter> onReplayed) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void close() {}
  };

  @Test
  void eventsWrittenWhileTheBrokerIsDown_arePublishedOnceItIsBack_withTheirEventIds() {
    InMemoryOutboxStore outbox = new InMemoryOutboxStore();
    EventEnvelope first = flaky.envelope("training.completed", "athlete-1", StringValue.of("w1"));
    EventEnvelope second = flaky.envelope("training.completed", "athlete-1", StringValue.of("w2"));
    outbox.add(first);
    outbox.add(second);

    try (OutboxRelay relay = new OutboxRelay("test", outbox, flaky, Duration.ofMillis(50))) {
      relay.nudge();
      await().pollDelay(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> true);
      assertThat(published).isEmpty();
      assertThat(waiting(outbox)).containsExactly(first, second);

      brokerDown.set(false);

      await().atMost(Duration.ofSeconds(5)).until(() -> waiting(outbox).isEmpty());
      assertThat(published).containsExactly(first.getEventId(), second.getEventId());
    }
  }

  private static List<EventEnvelope> waiting(InMemoryOutboxStore outbox) {
    return outbox.pending(0, null, java.time.Instant.EPOCH, 10).stream().map(OutboxStore.Pending::envelope).toList();
  }
}
