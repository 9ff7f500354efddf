package io.fitmesh.notification.adapters;

import io.fitmesh.notification.domain.Inbox;
import io.fitmesh.notification.domain.Notification;
import io.fitmesh.notification.domain.Page;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The embedded twin of {@link ScyllaInbox}. */
public final class InMemoryInbox implements Inbox {
  private final Map<String, Map<String, Notification>> inboxes = new HashMap<>();

  @Override
  public synchronized Optional<Notification> get(String recipientId, String notificationId) {
    return Optional.ofNullable(inboxes.getOrDefault(recipientId, Map.of()).get(notificationId));
  }

  @Override
  public synchronized void put(Notification n) {
    inboxes.computeIfAbsent(n.recipientId(), k -> new HashMap<>()).put(n.notificationId(), n);
  }

  @Override
  public synchronized Page<Notification> list(String recipientId, String after, int limit) {
    List<Notification> all = inboxes.getOrDefault(recipientId, Map.of()).values().stream()
        .sorted(Comparator.comparing(InMemoryInbox::position).reversed()).toList();
    List<Notification> items = new ArrayList<>();
    for (Notification n : all) {
      if (after != null && position(n).compareTo(after) >= 0) {
        continue;
      }
      if (items.size() == limit) {
        return new Page<>(items, position(items.get(items.size() - 1)));
      }
      items.add(n);
    }
    return new Page<>(items, null);
  }

  @Override
  public synchronized long unread(String recipientId) {
    return inboxes.getOrDefault(recipientId, Map.of()).values().stream().filter(n -> !n.read()).count();
  }

  @Override
  public synchronized void markRead(String recipientId, Collection<String> ids) {
    Map<String, Notification> inbox = inboxes.getOrDefault(recipientId, new HashMap<>());
    inbox.replaceAll((id, n) -> ids.isEmpty() || ids.contains(id) ? read(n) : n);
  }

  private static Notification read(Notification n) {
    return new Notification(n.recipientId(), n.notificationId(), n.kind(), n.title(), n.body(), n.actorIds(),
        n.actorCount(), n.target(), n.updateTime(), true);
  }

  /** Newest first: zero-padded update millis, then id. */
  static String position(Notification n) {
    return String.format("%015d", n.updateTime().toEpochMilli()) + ":" + n.notificationId();
  }
}
