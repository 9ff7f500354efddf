package io.fitmesh.platform.events;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.InvalidProtocolBufferException;
import io.fitmesh.events.v1.EventEnvelope;
import io.fitmesh.platform.errors.BackendUnreachableException;
import io.fitmesh.platform.errors.DomainException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.apache.pulsar.client.api.BatchReceivePolicy;
import org.apache.pulsar.client.api.BatcherBuilder;
import org.apache.pulsar.client.api.Consumer;
import org.apache.pulsar.client.api.ConsumerBuilder;
import org.apache.pulsar.client.api.Message;
import org.apache.pulsar.client.api.DeadLetterPolicy;
import org.apache.pulsar.client.api.RedeliveryBackoff;
import org.apache.pulsar.client.impl.MultiplierRedeliveryBackoff;
import org.apache.pulsar.client.api.Producer;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.PulsarClientException;
import org.apache.pulsar.client.api.SubscriptionInitialPosition;
import org.apache.pulsar.client.api.SubscriptionMode;
import org.apache.pulsar.client.api.SubscriptionType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event bus on Apache Pulsar. Each event is one message: key = the entity key (so Key_Shared keeps a key on
 * one consumer), value = the serialized {@link EventEnvelope}, properties = event id and W3C trace context.
 * Producers batch by key; a send fails (never silently) when the queue is full or the broker does not store it
 * within the call timeout; consumers are Key_Shared, start
 * at the earliest backlog, negative-ack failures for redelivery and dead-letter after the last attempt.
 */
public final class PulsarEventBus extends AbstractEventBus {
  private static final Logger log = LoggerFactory.getLogger(PulsarEventBus.class);
  private static final String TOPIC_PREFIX = "persistent://public/default/";
  static final String EVENT_ID_PROPERTY = "fitmesh-event-id";
  /** Created with every dead-letter topic so its messages are kept until replayed; read by one reader at a time. */
  public static final String DEAD_LETTER_SUBSCRIPTION = "fitmesh-dead-letters";
  private static final Pattern DEAD_LETTER_TOPICS = Pattern.compile(TOPIC_PREFIX + ".*-DLQ");
  /** A dead-letter read ends once no message came for this long. */
  private static final Duration DEAD_LETTER_IDLE = Duration.ofSeconds(3);
  /** The longest wait between two attempts at an event. */
  static final Duration MAX_REDELIVERY_DELAY = Duration.ofMinutes(1);

  private final PulsarClient client;
  private final Duration sendTimeout;
  private final Map<String, Producer<byte[]>> producers = new ConcurrentHashMap<>();

  private PulsarEventBus(PulsarClient client, Duration sendTimeout, EventTracing tracing, Clock clock) {
    super(tracing, clock);
    this.client = client;
    this.sendTimeout = sendTimeout;
  }

  /**
   * Connects and checks the broker answers within {@code timeout}.
   *
   * @throws BackendUnreachableException when it does not
   */
  public static PulsarEventBus connect(String serviceUrl, Duration timeout, EventTracing tracing, Clock clock) {
    requireNonNull(serviceUrl, "serviceUrl");
    PulsarClient client;
    try {
      client = PulsarClient.builder()
          .serviceUrl(serviceUrl)
          .connectionTimeout((int) timeout.toMillis(), TimeUnit.MILLISECONDS)
          .operationTimeout((int) timeout.toMillis(), TimeUnit.MILLISECONDS)
          .listenerThreads(Math.max(4, Runtime.getRuntime().availableProcessors() * 2))
          .build();
    } catch (PulsarClientException e) {
      throw new BackendUnreachableException("Pulsar", serviceUrl, "bad client settings: " + e.getMessage(), e);
    }
    try {
      client.getPartitionsForTopic(TOPIC_PREFIX + "fitmesh.probe").get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      client.closeAsync();
      throw new BackendUnreachableException("Pulsar", serviceUrl, "no answer within " + timeout.toMillis() + " ms", e);
    }
    return new PulsarEventBus(client, timeout, tracing, clock);
  }

  @Override
  CompletableFuture<Void> send(EventEnvelope envelope) {
    return producer(envelope.getTopic()).newMessage()
        .key(envelope.getKey())
        .value(envelope.toByteArray())
        .eventTime(toMillis(envelope))
        .property(EVENT_ID_PROPERTY, envelope.getEventId())
        .properties(envelope.getTraceContextMap())
        .sendAsync()
        .thenApply(messageId -> null);
  }

  private static long toMillis(EventEnvelope envelope) {
    return envelope.getOccurredAt().getSeconds() * 1000 + envelope.getOccurredAt().getNanos() / 1_000_000;
  }

  @Override
  public EventSubscription subscribe(SubscriptionSpec spec, EventHandler handler) {
    requireNonNull(spec, "spec");
    requireNonNull(handler, "handler");
    try {
      Consumer<byte[]> consumer = consumerBuilder(spec)
          .messageListener((c, msg) -> onMessage(spec, handler, c, msg))
          .subscribe();
      return () -> consumer.closeAsync().exceptionally(e -> {
        log.warn("closing consumer of {} failed", spec.subscription(), e);
        return null;
      });
    } catch (PulsarClientException e) {
      throw DomainException.unavailable("event bus unavailable: could not subscribe to " + spec.topic(), e);
    }
  }

  /**
   * Receives batches on a thread of its own: whatever has arrived, up to {@code maxBatch}, waiting at most
   * 10 ms for more; the whole batch is acknowledged or negatively acknowledged together.
   */
  @Override
  public EventSubscription subscribeBatches(SubscriptionSpec spec, int maxBatch, BatchEventHandler handler) {
    requireNonNull(spec, "spec");
    requireNonNull(handler, "handler");
    Consumer<byte[]> consumer;
    try {
      consumer = consumerBuilder(spec)
          .receiverQueueSize(Math.max(1000, maxBatch * 2))
          .batchReceivePolicy(BatchReceivePolicy.builder()
              .maxNumMessages(maxBatch).maxNumBytes(-1).timeout(10, TimeUnit.MILLISECONDS).build())
          .subscribe();
    } catch (PulsarClientException e) {
      throw DomainException.unavailable("event bus unavailable: could not subscribe to " + spec.topic(), e);
    }
    PulsarBatchLoop loop = new PulsarBatchLoop(spec, consumer, handler, tracing);
    Thread thread = new Thread(loop, spec.subscription() + "-" + spec.topic() + "-batches");
    thread.setDaemon(true);
    thread.start();
    return loop;
  }

  private ConsumerBuilder<byte[]> consumerBuilder(SubscriptionSpec spec) {
    ConsumerBuilder<byte[]> builder = client.newConsumer()
        .topic(TOPIC_PREFIX + spec.topic())
        .subscriptionName(spec.subscription());
    if (spec.ephemeral()) {
      builder.subscriptionMode(SubscriptionMode.NonDurable)
          .subscriptionType(SubscriptionType.Exclusive)
          .subscriptionInitialPosition(SubscriptionInitialPosition.Latest);
    } else {
      builder.subscriptionType(SubscriptionType.Key_Shared)
          .subscriptionInitialPosition(SubscriptionInitialPosition.Earliest)
          .negativeAckRedeliveryBackoff(backoff(spec.redeliveryDelay()))
          .deadLetterPolicy(DeadLetterPolicy.builder()
              .maxRedeliverCount(spec.maxAttempts() - 1)
              .deadLetterTopic(TOPIC_PREFIX + spec.deadLetterTopic())
              .initialSubscriptionName(DEAD_LETTER_SUBSCRIPTION)
              .build());
    }
    return builder;
  }

  private void onMessage(SubscriptionSpec spec, EventHandler handler, Consumer<byte[]> c, Message<byte[]> msg) {
    int attempt = msg.getRedeliveryCount() + 1;
    try {
      EventEnvelope envelope = EventEnvelopes.parse(msg.getValue());
      tracing.consume(envelope, spec.subscription(), EventEnvelopes.toEvent(envelope, attempt), handler);
      c.acknowledgeAsync(msg);
    } catch (InvalidProtocolBufferException e) {
      log.warn("message {} on {} is not an event envelope", msg.getMessageId(), spec.topic());
      alertIfLastAttempt(spec, msg);
      settleFailure(spec, c, msg);
    } catch (Exception e) {
      log.warn("handler of {} failed on attempt {} of {}", spec.subscription(), attempt, spec.maxAttempts(), e);
      alertIfLastAttempt(spec, msg);
      settleFailure(spec, c, msg);
    }
  }

  /**
   * Redeliveries wait twice as long each time, from {@code first} up to {@link #MAX_REDELIVERY_DELAY}: with the
   * default ten attempts an event is tried for about four minutes before it is dead-lettered, so an outage of a
   * backend shorter than that (a restart, a failover) dead-letters nothing.
   */
  static RedeliveryBackoff backoff(Duration first) {
    return MultiplierRedeliveryBackoff.builder()
        .minDelayMs(first.toMillis())
        .maxDelayMs(Math.max(first.toMillis(), MAX_REDELIVERY_DELAY.toMillis()))
        .multiplier(2)
        .build();
  }

  /** The alert an operator watches for: an event that failed its last attempt goes to the dead-letter topic. */
  static void alertIfLastAttempt(SubscriptionSpec spec, Message<byte[]> msg) {
    if (!spec.ephemeral() && msg.getRedeliveryCount() + 1 >= spec.maxAttempts()) {
      log.error("DEAD LETTER: an event of {} failed {} attempts and goes to {}; list and replay it with "
          + "'fitmesh events dead-letters'", spec.subscription(), spec.maxAttempts(), spec.deadLetterTopic());
    }
  }

  /** A durable subscription asks for a redelivery (dead letter after the last); an ephemeral one drops it. */
  private static void settleFailure(SubscriptionSpec spec, Consumer<byte[]> c, Message<byte[]> msg) {
    if (spec.ephemeral()) {
      c.acknowledgeAsync(msg);
    } else {
      c.negativeAcknowledge(msg);
    }
  }

  @Override
  public List<DeadLetter> deadLetters(Predicate<DeadLetter> which, int limit) {
    List<DeadLetter> letters = new ArrayList<>();
    readDeadLetters((letter, message, consumer) -> {
      if (which.test(letter)) {
        letters.add(letter);
      }
      return letters.size() < limit;
    });
    return letters;
  }

  @Override
  public int replayDeadLetters(Predicate<DeadLetter> which, java.util.function.Consumer<DeadLetter> onReplayed) {
    int[] replayed = {0};
    readDeadLetters((letter, message, consumer) -> {
      if (which.test(letter)) {
        try {
          publish(letter.envelope()).join();
        } catch (CompletionException e) {
          throw e.getCause() instanceof DomainException d ? d : e;
        }
        consumer.acknowledge(message);
        onReplayed.accept(letter);
        replayed[0]++;
      }
      return true;
    });
    return replayed[0];
  }

  /** What to do with one dead letter; false stops the read. */
  private interface DeadLetterVisitor {
    boolean visit(DeadLetter letter, Message<byte[]> message, Consumer<byte[]> consumer) throws PulsarClientException;
  }

  /**
   * Reads every dead-letter topic through the one exclusive dead-letter subscription, without acknowledging
   * what the visitor leaves, until nothing more arrives. A second reader is refused while one runs.
   */
  private void readDeadLetters(DeadLetterVisitor visitor) {
    try (Consumer<byte[]> consumer = client.newConsumer()
        .topicsPattern(DEAD_LETTER_TOPICS)
        .subscriptionName(DEAD_LETTER_SUBSCRIPTION)
        .subscriptionType(SubscriptionType.Exclusive)
        .subscriptionInitialPosition(SubscriptionInitialPosition.Earliest)
        .subscribe()) {
      Message<byte[]> message;
      while ((message = consumer.receive((int) DEAD_LETTER_IDLE.toMillis(), TimeUnit.MILLISECONDS)) != null) {
        DeadLetter letter = deadLetter(message);
        if (letter != null && !visitor.visit(letter, message, consumer)) {
          return;
        }
      }
    } catch (PulsarClientException.ConsumerBusyException e) {
      throw DomainException.failedPrecondition("another dead-letter command is running; try again when it ends");
    } catch (PulsarClientException e) {
      throw DomainException.unavailable("event bus unavailable: could not read the dead letters", e);
    }
  }

  /** The dead letter in a message of a topic named {@code <topic>-<subscription>-DLQ}; null if unreadable. */
  private static DeadLetter deadLetter(Message<byte[]> message) {
    try {
      EventEnvelope envelope = EventEnvelopes.parse(message.getValue());
      String dlq = message.getTopicName().substring(message.getTopicName().indexOf(TOPIC_PREFIX)
          + TOPIC_PREFIX.length());
      String prefix = envelope.getTopic() + "-";
      if (!dlq.startsWith(prefix) || !dlq.endsWith("-DLQ")) {
        log.warn("dead letter {} on {} is not of its topic {}", message.getMessageId(), dlq, envelope.getTopic());
        return null;
      }
      return new DeadLetter(dlq.substring(prefix.length(), dlq.length() - "-DLQ".length()), envelope);
    } catch (InvalidProtocolBufferException e) {
      log.warn("dead letter {} on {} is not an event envelope", message.getMessageId(), message.getTopicName());
      return null;
    }
  }

  /**
   * The topic's producer, created on first use. Creation blocks once per topic so that sends of one caller
   * are issued in order (callbacks queued on a pending future would run in reverse).
   */
  private Producer<byte[]> producer(String topic) {
    return producers.computeIfAbsent(topic, t -> {
      try {
        return client.newProducer()
            .topic(TOPIC_PREFIX + t)
            .enableBatching(true)
            .batcherBuilder(BatcherBuilder.KEY_BASED)
            .batchingMaxPublishDelay(1, TimeUnit.MILLISECONDS)
            // A full queue or a broker that does not answer within the call timeout fails the send (UNAVAILABLE)
            // instead of blocking the calling thread; callers check every send's future.
            .blockIfQueueFull(false)
            .sendTimeout((int) sendTimeout.toMillis(), TimeUnit.MILLISECONDS)
            .create();
      } catch (PulsarClientException e) {
        throw DomainException.unavailable("event bus unavailable: no producer for " + t, e);
      }
    });
  }

  @Override
  public void close() {
    for (Producer<byte[]> p : producers.values()) {
      try {
        p.flush();
        p.close();
      } catch (PulsarClientException e) {
        log.warn("closing the producer of {} failed", p.getTopic(), e);
      }
    }
    try {
      client.close();
    } catch (PulsarClientException e) {
      log.warn("closing the Pulsar client failed", e);
    }
  }
}
