package io.fitmesh.social.adapters;

import static java.util.Objects.requireNonNull;

import io.fitmesh.platform.domain.PendingEvent;
import io.fitmesh.platform.events.EnvelopeEvent;
import io.fitmesh.platform.events.EventBus;
import io.fitmesh.platform.events.OutboxRelay;
import io.fitmesh.platform.grpc.ProtoTime;
import io.fitmesh.social.codec.SocialProtos;
import io.fitmesh.social.domain.Activity;
import io.fitmesh.social.domain.Comment;
import io.fitmesh.social.domain.Follow;
import io.fitmesh.social.domain.SocialEvents;
import io.fitmesh.social.v1.SocialCommented;
import io.fitmesh.social.v1.SocialFollowed;
import io.fitmesh.social.v1.SocialKudosGiven;
import java.time.Instant;

/** social.followed (key followee), social.kudos_given and social.commented (key the workout's athlete). */
public final class OutboxSocialEvents implements SocialEvents {
  public static final String FOLLOWED = "social.followed";
  public static final String KUDOS_GIVEN = "social.kudos_given";
  public static final String COMMENTED = "social.commented";

  private final EventBus bus;
  private final OutboxRelay relay;

  public OutboxSocialEvents(EventBus bus, OutboxRelay relay) {
    this.bus = requireNonNull(bus, "bus");
    this.relay = requireNonNull(relay, "relay");
  }

  @Override
  public PendingEvent followed(Follow follow) {
    return new EnvelopeEvent(bus.envelope(FOLLOWED, follow.followeeId(), SocialFollowed.newBuilder()
        .setFollowerId(follow.followerId()).setFolloweeId(follow.followeeId())
        .setState(SocialProtos.toProto(follow.state())).setTime(ProtoTime.toTimestamp(follow.since())).build()));
  }

  @Override
  public PendingEvent kudosGiven(Activity activity, String giverId, Instant at) {
    return new EnvelopeEvent(bus.envelope(KUDOS_GIVEN, activity.authorId(), SocialKudosGiven.newBuilder()
        .setWorkoutId(activity.workoutId()).setOwnerId(activity.authorId()).setGiverId(giverId)
        .setTime(ProtoTime.toTimestamp(at)).build()));
  }

  @Override
  public PendingEvent commented(Activity activity, Comment comment) {
    return new EnvelopeEvent(bus.envelope(COMMENTED, activity.authorId(), SocialCommented.newBuilder()
        .setOwnerId(activity.authorId()).setComment(SocialProtos.toProto(comment)).build()));
  }

  @Override
  public void flush() {
    relay.nudge();
  }
}
