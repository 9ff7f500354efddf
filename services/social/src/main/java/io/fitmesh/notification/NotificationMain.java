package io.fitmesh.notification;

import io.fitmesh.platform.server.StandaloneService;

/** Runs the notification deployable as its own process; see {@link StandaloneService} for its settings. */
public final class NotificationMain {
  private NotificationMain() {}

  public static void main(String[] args) {
    StandaloneService.run(NotificationDeployable.NAME, NotificationDeployable::new);
  }
}
