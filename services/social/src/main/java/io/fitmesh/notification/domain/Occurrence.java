package io.fitmesh.notification.domain;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * Something that happened and may notify athletes.
 *
 * @param eventId the event it came in; an athlete is notified of an event at most once
 * @param itemKey what the inbox item is about: items with the same kind and key are one (kudos on one workout)
 * @param actorId who did it
 * @param subject a few words for the text: the club's name, the comment
 */
public record Occurrence(String eventId, NotificationKind kind, String itemKey, String actorId, String target,
    String subject, Instant at) {

  public Occurrence {
    requireNonNull(eventId, "eventId");
    requireNonNull(kind, "kind");
    requireNonNull(itemKey, "itemKey");
    requireNonNull(actorId, "actorId");
    requireNonNull(target, "target");
    requireNonNull(subject, "subject");
    requireNonNull(at, "at");
  }
}
