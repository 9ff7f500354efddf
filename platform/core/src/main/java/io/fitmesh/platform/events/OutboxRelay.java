package io.fitmesh.platform.events;

import static java.util.Objects.requireNonNull;

import io.fitmesh.events.v1.EventEnvelope;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes what an {@link OutboxStore} holds: at once when nudged after a write, and every interval in case
 * the bus was down. One thread, publishing in order and waiting for each send, so events of a key leave in the
 * order they were written. An event that cannot be published stays and is retried; since it keeps its event
 * id, consumers see it once however often it is sent.
 */
public final class OutboxRelay implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
  private static final int BATCH = 500;

  private final OutboxStore store;
  private final EventBus bus;
  private final ScheduledExecutorService thread;
  private volatile boolean failing;

  public OutboxRelay(String name, OutboxStore store, EventBus bus, Duration interval) {
    this.store = requireNonNull(store, "store");
    this.bus = requireNonNull(bus, "bus");
    this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, name + "-outbox-relay");
      t.setDaemon(true);
      return t;
    });
    thread.scheduleWithFixedDelay(this::drainQuietly, interval.toMillis(), interval.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /** Asks for a drain now (after a write added events). */
  public void nudge() {
    thread.execute(this::drainQuietly);
  }

  private void drainQuietly() {
    try {
      List<EventEnvelope> batch;
      do {
        batch = store.pending(BATCH);
        for (EventEnvelope envelope : batch) {
          bus.publish(envelope).join();
          store.remove(envelope);
        }
      } while (batch.size() == BATCH);
      if (failing) {
        log.info("outbox relay publishing again");
        failing = false;
      }
    } catch (RuntimeException e) {
      if (!failing) {
        log.warn("outbox relay cannot publish now; events stay in the outbox and are retried", e);
        failing = true;
      }
    }
  }

  @Override
  public void close() {
    thread.shutdown();
    try {
      thread.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
