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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * reco.feedback on the event bus, keyed by athlete, published without waiting: feedback is for learning later, and
 * losing some when the broker is down is better than a slower screen.
 */
public final class BusFeedbackEvents implements FeedbackEvents {
  public static final String TOPIC = "reco.feedback";
  private static final Logger log = LoggerFactory.getLogger(BusFeedbackEvents.class);

  private final EventBus bus;
  private final Clock clock;

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
    bus.publish(TOPIC, athleteId, event).whenComplete((messageId, failure) -> {
      if (failure != null) {
        log.debug("reco.feedback not published: {}", failure.toString());
      }
    });
  }
}
