package io.fitmesh.notification.domain;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A push waiting to go: to every device of the recipient, or (a retry) to one device; a digest's text is made
 * when it goes.
 *
 * @param jobId derived from what it pushes, so scheduling the same push again replaces it
 * @param deviceId null for every device of the recipient
 * @param attempt 1 for the first try
 */
public record PushJob(String jobId, String recipientId, NotificationKind kind, String title, String body,
    String target, String collapseKey, String deviceId, int attempt, Instant due) {

  public PushJob {
    requireNonNull(jobId, "jobId");
    requireNonNull(recipientId, "recipientId");
    requireNonNull(kind, "kind");
    requireNonNull(title, "title");
    requireNonNull(body, "body");
    requireNonNull(target, "target");
    requireNonNull(collapseKey, "collapseKey");
    requireNonNull(due, "due");
  }

  /** The same push to one device, later. */
  public PushJob retry(String device, Instant at) {
    return new PushJob(jobId + "/" + device + "/" + (attempt + 1), recipientId, kind, title, body, target,
        collapseKey, device, attempt + 1, at);
  }
}
