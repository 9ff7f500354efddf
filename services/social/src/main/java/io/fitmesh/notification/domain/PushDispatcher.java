package io.fitmesh.notification.domain;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the pushes that are due, to each device of the recipient, all of a round at once: a dead token removes its
 * device; 429, 5xx and connection faults are tried again later with backoff (at least the service's Retry-After),
 * up to {@link #MAX_ATTEMPTS}; other refusals are logged. A job is done once every device has an answer, so a
 * push is sent once per device unless this instance stops, or a round fails, between sending and recording it
 * (the job is then handed out and sent again).
 */
public final class PushDispatcher implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(PushDispatcher.class);
  public static final int MAX_ATTEMPTS = 6;
  static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
  static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
  private static final int ROUND = 200;

  private final PushQueue queue;
  private final DeviceStore devices;
  private final Inbox inbox;
  private final PushGateway gateway;
  private final Clock clock;
  private final ScheduledExecutorService thread;
  private final java.util.concurrent.atomic.AtomicBoolean nudged = new java.util.concurrent.atomic.AtomicBoolean();

  public PushDispatcher(PushQueue queue, DeviceStore devices, Inbox inbox, PushGateway gateway, Clock clock,
      Duration interval) {
    this.queue = requireNonNull(queue, "queue");
    this.devices = requireNonNull(devices, "devices");
    this.inbox = requireNonNull(inbox, "inbox");
    this.gateway = requireNonNull(gateway, "gateway");
    this.clock = requireNonNull(clock, "clock");
    this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "push-dispatcher");
      t.setDaemon(true);
      return t;
    });
    thread.scheduleWithFixedDelay(this::roundQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Asks for a round now (a push was scheduled); nudges while one is waiting make no more rounds. */
  public void nudge() {
    if (!thread.isShutdown() && nudged.compareAndSet(false, true)) {
      thread.execute(() -> {
        nudged.set(false);
        roundQuietly();
      });
    }
  }

  private void roundQuietly() {
    try {
      List<PushJob> due;
      do {
        due = queue.due(clock.instant(), ROUND);
        send(due);
      } while (due.size() == ROUND);
    } catch (RuntimeException e) {
      log.warn("push round failed; due pushes stay queued and are tried again", e);
    }
  }

  /** Sends a round's jobs to all their devices at once, then settles each answer. */
  void send(List<PushJob> jobs) {
    List<Attempt> attempts = new ArrayList<>();
    for (PushJob job : jobs) {
      PushMessage message = message(job);
      for (Device device : targets(job)) {
        attempts.add(new Attempt(job, device, gateway.send(device, message)));
      }
    }
    for (Attempt a : attempts) {
      settle(a.job(), a.device(), a.result().join());
    }
    jobs.forEach(queue::done);
  }

  private List<Device> targets(PushJob job) {
    List<Device> all = devices.of(job.recipientId());
    return job.deviceId() == null ? all : all.stream().filter(d -> d.deviceId().equals(job.deviceId())).toList();
  }

  private PushMessage message(PushJob job) {
    String body = job.kind() == NotificationKind.DIGEST
        ? "You have " + inbox.unread(job.recipientId()) + " unread notifications" : job.body();
    return new PushMessage(job.title(), body, job.collapseKey(), Map.of("kind", job.kind().name(),
        "target", job.target()));
  }

  private void settle(PushJob job, Device device, PushResult result) {
    if (result instanceof PushResult.DeadToken dead) {
      log.info("device {} of {} is gone ({}); removed", device.deviceId(), device.athleteId(), dead.reason());
      devices.remove(device.athleteId(), device.deviceId());
    } else if (result instanceof PushResult.RetryLater later) {
      if (job.attempt() >= MAX_ATTEMPTS) {
        log.warn("push {} to {} given up after {} attempts: {}", job.jobId(), device.deviceId(), job.attempt(),
            later.reason());
        return;
      }
      Duration backoff = FIRST_BACKOFF.multipliedBy(1L << Math.min(job.attempt() - 1, 20));
      Duration wait = later.after().compareTo(backoff) > 0 ? later.after() : backoff;
      queue.schedule(job.retry(device.deviceId(), clock.instant().plus(wait.compareTo(MAX_BACKOFF) > 0
          ? MAX_BACKOFF : wait)));
    } else if (result instanceof PushResult.Failed failed) {
      log.warn("push {} to {} refused: {}", job.jobId(), device.deviceId(), failed.reason());
    }
  }

  private record Attempt(PushJob job, Device device, CompletableFuture<PushResult> result) {}

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
