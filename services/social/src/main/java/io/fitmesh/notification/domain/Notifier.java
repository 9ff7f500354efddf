package io.fitmesh.notification.domain;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what happened into inbox items and pushes, per recipient: at most once per (recipient, event) however
 * often the event is redelivered; the recipient's settings say which channels; quiet hours hold a push until
 * they end; beyond {@code maxPushes} per {@code window} a recipient gets one digest at the window's end instead.
 */
public final class Notifier {
  private static final Logger log = LoggerFactory.getLogger(Notifier.class);
  static final Duration EVENT_MEMORY = Duration.ofDays(7);

  private final Inbox inbox;
  private final PreferenceStore preferences;
  private final PushQueue pushes;
  private final Claims claims;
  private final RateLimits rates;
  private final InboxChanges changes;
  private final Clock clock;
  private final int maxPushes;
  private final Duration window;

  public Notifier(Inbox inbox, PreferenceStore preferences, PushQueue pushes, Claims claims, RateLimits rates,
      InboxChanges changes, Clock clock, int maxPushes, Duration window) {
    this.inbox = requireNonNull(inbox, "inbox");
    this.preferences = requireNonNull(preferences, "preferences");
    this.pushes = requireNonNull(pushes, "pushes");
    this.claims = requireNonNull(claims, "claims");
    this.rates = requireNonNull(rates, "rates");
    this.changes = requireNonNull(changes, "changes");
    this.clock = requireNonNull(clock, "clock");
    this.maxPushes = maxPushes;
    this.window = requireNonNull(window, "window");
  }

  /** Notifies each recipient but the actor. */
  public void notify(Occurrence what, Collection<String> recipients) {
    for (String recipient : recipients) {
      if (recipient.equals(what.actorId())) {
        continue;
      }
      String claim = "event:" + what.eventId() + ":" + recipient;
      if (!claims.claim(claim, EVENT_MEMORY)) {
        log.debug("event {} already notified {}", what.eventId(), recipient);
        continue;
      }
      try {
        notifyOne(what, recipient);
      } catch (RuntimeException e) {
        claims.release(claim);
        throw e;
      }
    }
  }

  private void notifyOne(Occurrence what, String recipient) {
    Preferences prefs = preferences.get(recipient);
    Preferences.Channels channels = prefs.channels(what.kind());
    String id = itemId(what.kind(), recipient, what.itemKey());
    Notification item = merged(inbox.get(recipient, id).orElse(null), what, recipient, id);
    if (channels.inApp()) {
      inbox.put(item);
      changes.changed(item);
    }
    if (channels.push()) {
      schedulePush(item, what, prefs);
    }
  }

  /** The item as it stands after this occurrence: a grouped item gains the actor, newest first. */
  private static Notification merged(Notification existing, Occurrence what, String recipient, String id) {
    List<String> actors = new ArrayList<>();
    actors.add(what.actorId());
    long count = 1;
    if (existing != null) {
      existing.actorIds().stream().filter(a -> !a.equals(what.actorId())).forEach(actors::add);
      count = existing.actorIds().contains(what.actorId()) ? existing.actorCount() : existing.actorCount() + 1;
    }
    List<String> kept = actors.subList(0, Math.min(Notification.KEPT_ACTORS, actors.size()));
    return new Notification(recipient, id, what.kind(), Texts.title(what.kind(), kept, count),
        Texts.body(what.kind(), what.subject()), kept, count, what.target(), what.at(), false);
  }

  private void schedulePush(Notification item, Occurrence what, Preferences prefs) {
    Instant now = clock.instant();
    Instant windowStart = Instant.ofEpochMilli(now.toEpochMilli() - now.toEpochMilli() % window.toMillis());
    long sent = rates.increment(item.recipientId(), windowStart, window);
    if (sent <= maxPushes) {
      pushes.schedule(new PushJob("push:" + what.eventId() + ":" + item.recipientId(), item.recipientId(),
          item.kind(), item.title(), item.body(), item.target(), item.notificationId(), null, 1, prefs.pushAt(now)));
      return;
    }
    String digest = "digest:" + item.recipientId() + ":" + windowStart.toEpochMilli();
    if (claims.claim(digest, window.multipliedBy(2))) {
      Instant end = windowStart.plus(window);
      Instant at = prefs.pushAt(end);
      pushes.schedule(new PushJob(digest, item.recipientId(), NotificationKind.DIGEST,
          Texts.title(NotificationKind.DIGEST, List.of(), 0), "", "inbox", "digest", null, 1, at));
    }
  }

  /** The stable id of an inbox item: the same kind, recipient and key make the same item. */
  static String itemId(NotificationKind kind, String recipient, String key) {
    return UUID.nameUUIDFromBytes((kind + "|" + recipient + "|" + key).getBytes(StandardCharsets.UTF_8)).toString();
  }
}
