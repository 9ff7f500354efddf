package io.fitmesh.platform.events;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.Message;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes events that may be lost (live positions, feedback for a model) without ever holding up the caller: they
 * are handed to one publishing thread through a bounded queue, which sends them one after the other. While the
 * broker is down the queue fills and further events are dropped; drops and failed sends are counted and logged
 * now and then, not per event.
 */
public final class BestEffortPublisher implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(BestEffortPublisher.class);
  private static final int QUEUE = 10_000;
  private static final int LOG_EVERY = 1000;

  private final EventBus bus;
  private final String name;
  private final AtomicLong lost = new AtomicLong();
  private final ThreadPoolExecutor sender;

  /** {@code name} names the thread and the log lines. */
  public BestEffortPublisher(EventBus bus, String name) {
    this.bus = requireNonNull(bus, "bus");
    this.name = requireNonNull(name, "name");
    this.sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
      Thread thread = new Thread(r, name);
      thread.setDaemon(true);
      return thread;
    }, (task, pool) -> lose("the queue is full"));
  }

  public void publish(String topic, String key, Message payload) {
    sender.execute(() -> {
      try {
        bus.publish(topic, key, payload).join();
      } catch (RuntimeException e) {
        lose(e.toString());
      }
    });
  }

  @Override
  public void close() {
    sender.shutdownNow();
  }

  private void lose(String why) {
    if (lost.incrementAndGet() % LOG_EVERY == 1) {
      log.warn("{}: {} events lost so far, the latest because {}", name, lost.get(), why);
    }
  }
}
