package io.fitmesh.reco.adapters;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.util.Timestamps;
import io.fitmesh.platform.events.EventBus;
import io.fitmesh.reco.domain.FeedbackEvents;
import io.fitmesh.reco.domain.FeedbackKind;
import io.fitmesh.reco.v1.Feedback;
import io.fitmesh.reco.v1.RecommendationFeedback;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * reco.feedback on the event bus, keyed by athlete, handed to one publishing thread with a bounded queue and never
 * waited for: feedback is for learning later, and losing some while the broker is down (the queue full, events
 * dropped and counted in the log) is better than a screen waiting for it.
 */
public final class BusFeedbackEvents implements FeedbackEvents, AutoCloseable {
  public static final String TOPIC = "reco.feedback";
  private static final Logger log = LoggerFactory.getLogger(BusFeedbackEvents.class);

  private static final int QUEUE = 10_000;

  private final EventBus bus;
  private final Clock clock;
  private final AtomicLong dropped = new AtomicLong();
  private final ThreadPoolExecutor publisher = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
      new ArrayBlockingQueue<>(QUEUE), r -> {
        Thread thread = new Thread(r, "reco-feedback");
        thread.setDaemon(true);
        return thread;
      }, (task, pool) -> {
        if (dropped.incrementAndGet() % 1000 == 1) {
          log.warn("reco.feedback: the broker is not keeping up; {} events dropped so far", dropped.get());
        }
      });

  public BusFeedbackEvents(EventBus bus, Clock clock) {
    this.bus = requireNonNull(bus, "bus");
    this.clock = requireNonNull(clock, "clock");
  }

  @Override
  public void publish(String athleteId, List<String> recommendationIds, FeedbackKind kind) {
    if (recommendationIds.isEmpty()) {
      return;
    }
    RecommendationFeedback event = RecommendationFeedback.newBuilder()
        .setAthleteId(athleteId)
        .addAllRecommendationIds(recommendationIds)
        .setFeedback(Feedback.valueOf("FEEDBACK_" + kind.name()))
        .setTime(Timestamps.fromMillis(clock.millis()))
        .build();
    publisher.execute(() -> {
      try {
        bus.publish(TOPIC, athleteId, event).whenComplete((messageId, failure) -> {
          if (failure != null) {
            log.debug("reco.feedback not published: {}", failure.toString());
          }
        });
      } catch (RuntimeException e) {
        log.debug("reco.feedback not published: {}", e.toString());
      }
    });
  }

  @Override
  public void close() {
    publisher.shutdown();
  }
}
