package io.fitmesh.notification.domain;

import static java.util.Objects.requireNonNull;

import io.fitmesh.platform.errors.DomainException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * The athlete's side: their inbox (newest first, unread count, mark read), settings, and devices. At most
 * {@link #MAX_DEVICES} devices per athlete; a token is up to 4096 characters; watchers per athlete are bounded.
 */
public final class Inboxes {
  public static final int MAX_DEVICES = 20;
  public static final int MAX_TOKEN = 4000;
  public static final int MAX_WATCHES = 10;

  private final Inbox inbox;
  private final PreferenceStore preferences;
  private final DeviceStore devices;
  private final InboxWatchers watchers;
  private final Clock clock;

  public Inboxes(Inbox inbox, PreferenceStore preferences, DeviceStore devices, InboxWatchers watchers, Clock clock) {
    this.inbox = requireNonNull(inbox, "inbox");
    this.preferences = requireNonNull(preferences, "preferences");
    this.devices = requireNonNull(devices, "devices");
    this.watchers = requireNonNull(watchers, "watchers");
    this.clock = requireNonNull(clock, "clock");
  }

  public Page<Notification> list(String athleteId, String after, int limit) {
    return inbox.list(athleteId, after, limit);
  }

  public long unread(String athleteId) {
    return inbox.unread(athleteId);
  }

  public long markRead(String athleteId, List<String> ids) {
    if (ids.size() > 100) {
      throw DomainException.invalidArgument("notification_ids", "at most 100 notification ids");
    }
    inbox.markRead(athleteId, ids);
    return inbox.unread(athleteId);
  }

  public Preferences settings(String athleteId) {
    return preferences.get(athleteId);
  }

  public Preferences updateSettings(String athleteId, Preferences updated) {
    preferences.save(athleteId, updated);
    return updated;
  }

  /** Registers a device; the same token again is the same device. */
  public Device register(String athleteId, Device.Platform platform, String token) {
    if (token == null || token.isBlank() || token.length() > MAX_TOKEN) {
      throw DomainException.invalidArgument("token", "a device token is 1.." + MAX_TOKEN + " characters");
    }
    String deviceId = UUID.nameUUIDFromBytes((athleteId + "|" + platform + "|" + token)
        .getBytes(StandardCharsets.UTF_8)).toString();
    List<Device> mine = devices.of(athleteId);
    if (mine.stream().noneMatch(d -> d.deviceId().equals(deviceId)) && mine.size() >= MAX_DEVICES) {
      throw DomainException.resourceExhausted("at most " + MAX_DEVICES + " devices; unregister one first");
    }
    return devices.register(new Device(athleteId, deviceId, platform, token, clock.instant()));
  }

  public void unregister(String athleteId, String deviceId) {
    if (deviceId == null || deviceId.isEmpty() || deviceId.length() > 64) {
      throw DomainException.invalidArgument("device_id", "device_id is 1..64 characters");
    }
    devices.remove(athleteId, deviceId);
  }

  public List<Device> devices(String athleteId) {
    return devices.of(athleteId);
  }

  /** Starts a watch of the athlete's inbox; RESOURCE_EXHAUSTED beyond {@link #MAX_WATCHES} here. */
  public Runnable watch(String athleteId, java.util.function.Consumer<Notification> watcher) {
    if (watchers.watching(athleteId) >= MAX_WATCHES) {
      throw DomainException.resourceExhausted("at most " + MAX_WATCHES + " inbox watches at once");
    }
    return watchers.watch(athleteId, watcher);
  }
}
