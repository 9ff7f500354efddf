package io.fitmesh.platform.events;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** One named subscription of {@link InMemoryEventBus}: its consumers, each with one thread, and its backlog. */
final class InMemorySubscription {
  private final SubscriptionSpec spec;
  private final InMemoryEventBus bus;
  private final List<Consumer> consumers = new ArrayList<>();
  private final ArrayDeque<InMemoryEventBus.Delivery> backlog = new ArrayDeque<>();

  InMemorySubscription(SubscriptionSpec spec, InMemoryEventBus bus) {
    this.spec = spec;
    this.bus = bus;
  }

  SubscriptionSpec spec() {
    return spec;
  }

  synchronized void offer(InMemoryEventBus.Delivery delivery) {
    if (consumers.isEmpty()) {
      backlog.add(delivery);
      return;
    }
    String key = delivery.envelope().getKey();
    consumers.get(Math.floorMod(key.hashCode(), consumers.size())).queue.add(delivery);
  }

  synchronized EventSubscription addConsumer(EventHandler handler) {
    Consumer consumer = new Consumer(handler);
    List<InMemoryEventBus.Delivery> queued = drainAll();
    consumers.add(consumer);
    queued.forEach(this::offer);
    consumer.thread.start();
    return () -> remove(consumer);
  }

  void closeAll() {
    List<Consumer> all;
    synchronized (this) {
      all = List.copyOf(consumers);
    }
    all.forEach(this::remove);
  }

  /** Stops a consumer outside the lock (its handler may be publishing) and re-spreads what it had queued. */
  private void remove(Consumer consumer) {
    synchronized (this) {
      if (!consumers.remove(consumer)) {
        return;
      }
    }
    List<InMemoryEventBus.Delivery> left = consumer.stop();
    synchronized (this) {
      left.forEach(this::offer);
    }
  }

  /** Everything not yet handed to a handler, backlog first, in arrival order per consumer. */
  private List<InMemoryEventBus.Delivery> drainAll() {
    List<InMemoryEventBus.Delivery> all = new ArrayList<>(backlog);
    backlog.clear();
    for (Consumer c : consumers) {
      c.queue.drainTo(all);
    }
    return all;
  }

  private final class Consumer {
    private final LinkedBlockingQueue<InMemoryEventBus.Delivery> queue = new LinkedBlockingQueue<>();
    private final EventHandler handler;
    private final Thread thread;
    private volatile boolean running = true;

    Consumer(EventHandler handler) {
      this.handler = handler;
      this.thread = new Thread(this::run, "in-memory-bus-" + spec.topic() + "-" + spec.subscription());
      this.thread.setDaemon(true);
    }

    private void run() {
      while (running) {
        InMemoryEventBus.Delivery delivery;
        try {
          delivery = queue.poll(50, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          return;
        }
        if (delivery != null) {
          bus.handle(InMemorySubscription.this, delivery, handler);
        }
      }
    }

    /** Stops after the event in hand (if any) and returns the ones it had not started. */
    List<InMemoryEventBus.Delivery> stop() {
      running = false;
      try {
        thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      List<InMemoryEventBus.Delivery> left = new ArrayList<>();
      queue.drainTo(left);
      return left;
    }
  }
}
