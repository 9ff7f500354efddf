package io.fitmesh.notification.domain;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * One item of an athlete's inbox. Its id is derived from what it is about, so the same event never makes two;
 * kudos on one workout are one item whose actors grow ("Ana and 14 others").
 *
 * @param actorIds the athletes it is about, newest first (the first {@link #KEPT_ACTORS}; clients are shown the
 *     first {@link #SHOWN_ACTORS})
 * @param actorCount how many athletes it is about in all
 * @param target what the app opens: workout:&lt;id&gt;, athlete:&lt;id&gt; or club:&lt;id&gt;
 */
public record Notification(String recipientId, String notificationId, NotificationKind kind, String title,
    String body, List<String> actorIds, long actorCount, String target, Instant updateTime, boolean read) {
  public static final int SHOWN_ACTORS = 5;
  public static final int KEPT_ACTORS = 1000;

  public Notification {
    requireNonNull(recipientId, "recipientId");
    requireNonNull(notificationId, "notificationId");
    requireNonNull(kind, "kind");
    requireNonNull(title, "title");
    requireNonNull(body, "body");
    actorIds = List.copyOf(actorIds);
    requireNonNull(target, "target");
    requireNonNull(updateTime, "updateTime");
  }
}
