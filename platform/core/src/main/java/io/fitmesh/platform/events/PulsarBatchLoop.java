package io.fitmesh.platform.events;

import com.google.protobuf.InvalidProtocolBufferException;
import io.fitmesh.events.v1.EventEnvelope;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import org.apache.pulsar.client.api.Consumer;
import org.apache.pulsar.client.api.Message;
import org.apache.pulsar.client.api.Messages;
import org.apache.pulsar.client.api.PulsarClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loop of one batch subscription, in two stages so that reading the next batch overlaps handling this one:
 * this thread receives and parses; one handler thread handles and settles the batches in the order received
 * (at most two waiting), so events of a key still reach the handler in order.
 */
final class PulsarBatchLoop implements Runnable, EventSubscription {
  private static final Logger log = LoggerFactory.getLogger(PulsarBatchLoop.class);

  private final SubscriptionSpec spec;
  private final Consumer<byte[]> consumer;
  private final BatchEventHandler handler;
  private final EventTracing tracing;
  private final ExecutorService handlerThread;
  private final Semaphore waiting = new Semaphore(2);
  private volatile boolean running = true;

  PulsarBatchLoop(SubscriptionSpec spec, Consumer<byte[]> consumer, BatchEventHandler handler,
      EventTracing tracing) {
    this.spec = spec;
    this.consumer = consumer;
    this.handler = handler;
    this.tracing = tracing;
    this.handlerThread = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, spec.subscription() + "-" + spec.topic() + "-handler");
      t.setDaemon(true);
      return t;
    });
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
      if (batch != null && batch.size() > 0) {
        parseAndHandOver(batch);
      }
    }
  }

  private void parseAndHandOver(Messages<byte[]> batch) {
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
      waiting.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    try {
      handlerThread.execute(() -> {
        try {
          handle(envelopes, events, handled);
        } finally {
          waiting.release();
        }
      });
    } catch (RejectedExecutionException e) {
      waiting.release(); // closing: the batch is not acknowledged and will be delivered again
    }
  }

  private void handle(List<EventEnvelope> envelopes, List<Event> events, List<Message<byte[]>> handled) {
    try {
      tracing.consumeBatch(spec.topic(), spec.subscription(), envelopes, events, handler);
      consumer.acknowledgeAsync(handled.stream().map(Message::getMessageId).toList());
    } catch (Exception e) {
      log.warn("batch handler of {} failed on {} events", spec.subscription(), events.size(), e);
      handled.forEach(msg -> PulsarEventBus.alertIfLastAttempt(spec, msg));
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
    handlerThread.shutdown();
    consumer.closeAsync().exceptionally(e -> {
      log.warn("closing consumer of {} failed", spec.subscription(), e);
      return null;
    });
  }
}
