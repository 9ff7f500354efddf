package io.fitmesh.social.adapters;

import static java.util.Objects.requireNonNull;

import io.fitmesh.platform.events.EventBus;
import io.fitmesh.platform.grpc.ProtoTime;
import io.fitmesh.social.domain.FanOutQueue;
import io.fitmesh.social.domain.TimelineEntry;
import io.fitmesh.social.v1.SocialFanOut;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Fan-out batches as social.fanout events keyed by author, published straight to the bus: a batch lost with a
 * failed publish is sent again when training.completed is redelivered (timeline writes are idempotent).
 */
public final class BusFanOutQueue implements FanOutQueue {
  public static final String TOPIC = "social.fanout";

  private final EventBus bus;

  public BusFanOutQueue(EventBus bus) {
    this.bus = requireNonNull(bus, "bus");
  }

  @Override
  public CompletableFuture<?> send(TimelineEntry entry, List<String> followerIds) {
    return bus.publish(TOPIC, entry.authorId(), SocialFanOut.newBuilder().setWorkoutId(entry.workoutId())
        .setAuthorId(entry.authorId()).setStartTime(ProtoTime.toTimestamp(entry.startTime()))
        .addAllFollowerIds(followerIds).build());
  }
}
