package io.fitmesh.notification.events;

import static java.util.Objects.requireNonNull;

import io.fitmesh.notification.codec.NotificationProtos;
import io.fitmesh.notification.domain.InboxWatchers;
import io.fitmesh.platform.events.EventSubscription;
import io.fitmesh.platform.events.SubscriptionSpec;
import io.fitmesh.platform.runtime.PlatformRuntime;
import java.util.UUID;

/** notification.inbox (ephemeral, one subscription per instance) to this instance's inbox watchers. */
public final class InboxChangesConsumer {
  public static final String TOPIC = "notification.inbox";

  private final InboxWatchers watchers;

  public InboxChangesConsumer(InboxWatchers watchers) {
    this.watchers = requireNonNull(watchers, "watchers");
  }

  public EventSubscription subscribe(PlatformRuntime runtime) {
    return runtime.events().subscribe(SubscriptionSpec.ephemeral(TOPIC, "notification-watch-" + UUID.randomUUID()),
        e -> watchers.changed(NotificationProtos.toDomain(e.key(),
            e.payload(io.fitmesh.notification.v1.Notification.class),
            e.payload(io.fitmesh.notification.v1.Notification.class).getRead())));
  }
}
