package io.fitmesh.notification.adapters;

import static java.util.Objects.requireNonNull;

import io.fitmesh.notification.codec.NotificationProtos;
import io.fitmesh.notification.domain.InboxChanges;
import io.fitmesh.notification.domain.Notification;
import io.fitmesh.platform.events.EventBus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Inbox changes as notification.inbox events keyed by recipient, for the watchers on every instance. Live and
 * lossy like training.updated: a change that cannot be published is still in the inbox, only not watched live.
 */
public final class BusInboxChanges implements InboxChanges {
  public static final String TOPIC = "notification.inbox";
  private static final Logger log = LoggerFactory.getLogger(BusInboxChanges.class);

  private final EventBus bus;

  public BusInboxChanges(EventBus bus) {
    this.bus = requireNonNull(bus, "bus");
  }

  @Override
  public void changed(Notification n) {
    bus.publish(TOPIC, n.recipientId(), NotificationProtos.toProto(n)).exceptionally(e -> {
      log.info("inbox change of {} not sent to watchers: {}", n.recipientId(), e.getMessage());
      return null;
    });
  }
}
