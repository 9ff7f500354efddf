package io.fitmesh.notification.domain;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The watchers of inboxes connected to this instance; every instance hears of every inbox change and tells its
 * own watchers of the recipient.
 */
public final class InboxWatchers {
  private final Map<String, Set<Consumer<Notification>>> watchers = new ConcurrentHashMap<>();

  /** Starts telling {@code watcher} of the recipient's changes; returns what stops it. */
  public Runnable watch(String recipientId, Consumer<Notification> watcher) {
    watchers.computeIfAbsent(recipientId, k -> ConcurrentHashMap.newKeySet()).add(watcher);
    return () -> watchers.computeIfPresent(recipientId, (k, set) -> {
      set.remove(watcher);
      return set.isEmpty() ? null : set;
    });
  }

  /** An inbox changed somewhere. */
  public void changed(Notification notification) {
    watchers.getOrDefault(notification.recipientId(), Set.of()).forEach(w -> w.accept(notification));
  }

  /** How many watch the recipient's inbox here. */
  public int watching(String recipientId) {
    return watchers.getOrDefault(recipientId, Set.of()).size();
  }
}
