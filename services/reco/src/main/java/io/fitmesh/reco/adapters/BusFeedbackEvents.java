package io.fitmesh.reco.adapters;

import static java.util.Objects.requireNonNull;

import io.fitmesh.platform.grpc.ProtoTime;
import io.fitmesh.platform.events.BestEffortPublisher;
import io.fitmesh.platform.events.EventBus;
import io.fitmesh.reco.domain.FeedbackEvents;
import io.fitmesh.reco.domain.FeedbackKind;
import io.fitmesh.reco.v1.Feedback;
import io.fitmesh.reco.v1.RecommendationFeedback;
import java.time.Clock;
import java.util.List;

/**
 * reco.feedback on the event bus, keyed by athlete, through a {@link BestEffortPublisher}: feedback is for learning
 * later, and losing some while the broker is down is better than a screen waiting for it.
 */
public final class BusFeedbackEvents implements FeedbackEvents, AutoCloseable {
  public static final String TOPIC = "reco.feedback";

  private final BestEffortPublisher publisher;
  private final Clock clock;

  public BusFeedbackEvents(EventBus bus, Clock clock) {
    this.publisher = new BestEffortPublisher(requireNonNull(bus, "bus"), "reco-feedback");
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
        .setTime(ProtoTime.toTimestamp(clock.instant()))
        .build();
    publisher.publish(TOPIC, athleteId, event);
  }

  @Override
  public void close() {
    publisher.close();
  }
}
