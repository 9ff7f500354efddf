package io.fitmesh.notification.domain;

import java.util.Collection;
import java.util.Optional;

/** Athletes' inboxes, newest first. Failures are UNAVAILABLE domain exceptions. */
public interface Inbox {

  Optional<Notification> get(String recipientId, String notificationId);

  /** Stores the item, replacing the one with its id (and moving it to the top when its time is newer). */
  void put(Notification notification);

  Page<Notification> list(String recipientId, String after, int limit);

  long unread(String recipientId);

  /** Marks the named items read, or all when {@code ids} is empty. */
  void markRead(String recipientId, Collection<String> ids);
}
