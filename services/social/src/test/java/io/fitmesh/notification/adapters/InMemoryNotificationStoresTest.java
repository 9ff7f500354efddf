package io.fitmesh.notification.adapters;

import io.fitmesh.notification.domain.Claims;
import io.fitmesh.notification.domain.DeviceStore;
import io.fitmesh.notification.domain.Inbox;
import io.fitmesh.notification.domain.PreferenceStore;
import io.fitmesh.notification.domain.PushQueue;
import io.fitmesh.notification.domain.RateLimits;
import java.time.Clock;

class InMemoryNotificationStoresTest extends NotificationStoresContract {
  private final InMemoryInbox inbox = new InMemoryInbox();
  private final InMemoryPreferenceStore preferences = new InMemoryPreferenceStore();
  private final InMemoryDeviceStore devices = new InMemoryDeviceStore();
  private final InMemoryPushQueue queue = new InMemoryPushQueue();
  private final InMemoryClaims claims = new InMemoryClaims(Clock.systemUTC());
  private final InMemoryRateLimits rates = new InMemoryRateLimits();

  @Override
  Inbox inbox() {
    return inbox;
  }

  @Override
  PreferenceStore preferences() {
    return preferences;
  }

  @Override
  DeviceStore devices() {
    return devices;
  }

  @Override
  PushQueue queue() {
    return queue;
  }

  @Override
  Claims claims() {
    return claims;
  }

  @Override
  RateLimits rates() {
    return rates;
  }
}
