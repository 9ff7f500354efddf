package io.fitmesh.notification.domain;

/** Tells every instance's watchers that an inbox changed (an item is new or updated). */
public interface InboxChanges {

  void changed(Notification notification);
}
