package io.fitmesh.platform.events;

import com.google.protobuf.InvalidProtocolBufferException;
import io.fitmesh.events.v1.EventEnvelope;
import java.util.ArrayList;
import java.util.List;
import org.apache.pulsar.client.api.Consumer;
import org.apache.pulsar.client.api.Message;
import org.apache.pulsar.client.api.Messages;
import org.apache.pulsar.client.api.PulsarClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The receive loop of one batch subscription: receive, handle, settle the whole batch; until closed. */
final class PulsarBatchLoop implements Runnable, EventSubscription {
  private static final Logger log = LoggerFactory.getLogger(PulsarBatchLoop.class);

  private final SubscriptionSpec spec;
  private final Consumer<byte[]> consumer;
  private final BatchEventHandler handler;
  private final EventTracing tracing;
  private volatile boolean running = true;

  PulsarBatchLoop(SubscriptionSpec spec, Consumer<byte[]> consumer, BatchEventHandler handler,
      EventTracing tracing) {
    this.spec = spec;
    this.consumer = consumer;
    this.handler = handler;
    this.tracing = tracing;
  }

  @Override
  public void run() {
    while (running) {
      Messages<byte[]> batch;
      try {
        batch = consumer.batchReceive();
      } catch (PulsarClientException e) {
        if (running) {
          log.warn("receiving from {} failed; retrying", spec.subscription(), e);
          pause();
        }
        continue;
      }
      if (batch.size() > 0) {
        handle(batch);
      }
    }
  }

  private void handle(Messages<byte[]> batch) {
    List<EventEnvelope> envelopes = new ArrayList<>(batch.size());
    List<Event> events = new ArrayList<>(batch.size());
    List<Message<byte[]>> handled = new ArrayList<>(batch.size());
    for (Message<byte[]> msg : batch) {
      try {
        EventEnvelope envelope = EventEnvelopes.parse(msg.getValue());
        envelopes.add(envelope);
        events.add(EventEnvelopes.toEvent(envelope, msg.getRedeliveryCount() + 1));
        handled.add(msg);
      } catch (InvalidProtocolBufferException e) {
        log.warn("message {} on {} is not an event envelope", msg.getMessageId(), spec.topic());
        consumer.acknowledgeAsync(msg);
      }
    }
    try {
      tracing.consumeBatch(spec.topic(), spec.subscription(), envelopes, events, handler);
      handled.forEach(consumer::acknowledgeAsync);
    } catch (Exception e) {
      log.warn("batch handler of {} failed on {} events", spec.subscription(), events.size(), e);
      handled.forEach(spec.ephemeral() ? consumer::acknowledgeAsync : consumer::negativeAcknowledge);
    }
  }

  private static void pause() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    running = false;
    consumer.closeAsync().exceptionally(e -> {
      log.warn("closing consumer of {} failed", spec.subscription(), e);
      return null;
    });
  }
}
