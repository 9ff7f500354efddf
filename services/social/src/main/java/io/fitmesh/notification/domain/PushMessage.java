package io.fitmesh.notification.domain;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * What one push shows and carries.
 *
 * @param title the bold first line
 * @param body the text under it
 * @param collapseKey pushes with the same key replace each other on the device (e.g. one per workout's kudos)
 * @param data key/value pairs for the app (notification id, kind, target), never shown
 */
public record PushMessage(String title, String body, String collapseKey, Map<String, String> data) {

  public PushMessage {
    requireNonNull(title, "title");
    requireNonNull(body, "body");
    requireNonNull(collapseKey, "collapseKey");
    data = Map.copyOf(data);
  }
}
