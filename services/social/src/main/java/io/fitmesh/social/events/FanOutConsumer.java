package io.fitmesh.social.events;

import static java.util.Objects.requireNonNull;

import io.fitmesh.platform.events.Event;
import io.fitmesh.platform.events.EventSubscription;
import io.fitmesh.platform.grpc.ProtoTime;
import io.fitmesh.platform.runtime.PlatformRuntime;
import io.fitmesh.social.domain.FanOut;
import io.fitmesh.social.domain.TimelineEntry;
import io.fitmesh.social.domain.Timelines;
import io.fitmesh.social.v1.SocialFanOut;
import java.util.List;

/**
 * social.fanout (subscription "social-fanout", Key_Shared by author, in batches, so every instance writes
 * timelines) into the followers' home timelines.
 */
public final class FanOutConsumer {
  public static final String TOPIC = "social.fanout";
  public static final String SUBSCRIPTION = "social-fanout";
  static final int BATCH = 50;

  private final FanOut fanOut;

  public FanOutConsumer(FanOut fanOut) {
    this.fanOut = requireNonNull(fanOut, "fanOut");
  }

  public EventSubscription subscribe(PlatformRuntime runtime) {
    return runtime.events().subscribeBatches(runtime.subscription(TOPIC, SUBSCRIPTION), BATCH, this::onBatch);
  }

  void onBatch(List<Event> events) {
    fanOut.apply(events.stream().map(e -> {
      SocialFanOut batch = e.payload(SocialFanOut.class);
      return new Timelines.Delivery(new TimelineEntry(batch.getWorkoutId(), batch.getAuthorId(),
          ProtoTime.toInstant(batch.getStartTime())), batch.getFollowerIdsList());
    }).toList());
  }
}
