package io.fitmesh.notification.codec;

import io.fitmesh.notification.domain.Device;
import io.fitmesh.notification.domain.Notification;
import io.fitmesh.notification.domain.NotificationKind;
import io.fitmesh.notification.domain.Preferences;
import io.fitmesh.notification.v1.DevicePlatform;
import io.fitmesh.notification.v1.KindPreference;
import io.fitmesh.notification.v1.NotificationSettings;
import io.fitmesh.notification.v1.QuietHours;
import io.fitmesh.platform.errors.DomainException;
import io.fitmesh.platform.grpc.ProtoTime;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;

/** Notification protos to and from the domain, shared by handlers, consumers and adapters. */
public final class NotificationProtos {
  private NotificationProtos() {}

  /** As a client sees it: the newest few actors. */
  public static io.fitmesh.notification.v1.Notification forClient(Notification n) {
    io.fitmesh.notification.v1.Notification stored = toProto(n);
    return stored.toBuilder().clearActorIds()
        .addAllActorIds(n.actorIds().subList(0, Math.min(Notification.SHOWN_ACTORS, n.actorIds().size()))).build();
  }

  /** Whole, as stored and sent between instances. */
  public static io.fitmesh.notification.v1.Notification toProto(Notification n) {
    return io.fitmesh.notification.v1.Notification.newBuilder()
        .setNotificationId(n.notificationId())
        .setKind(kind(n.kind()))
        .setTitle(n.title())
        .setBody(n.body())
        .addAllActorIds(n.actorIds())
        .setActorCount(n.actorCount())
        .setTarget(n.target())
        .setUpdateTime(ProtoTime.toTimestamp(n.updateTime()))
        .setRead(n.read())
        .build();
  }

  public static Notification toDomain(String recipientId, io.fitmesh.notification.v1.Notification n, boolean read) {
    return new Notification(recipientId, n.getNotificationId(), kind(n.getKind()), n.getTitle(), n.getBody(),
        n.getActorIdsList(), n.getActorCount(), n.getTarget(), ProtoTime.toInstant(n.getUpdateTime()), read);
  }

  public static io.fitmesh.notification.v1.NotificationKind kind(NotificationKind kind) {
    return io.fitmesh.notification.v1.NotificationKind.valueOf("NOTIFICATION_KIND_" + kind.name());
  }

  /** The domain kind; INVALID_ARGUMENT for an unset one. */
  public static NotificationKind kind(io.fitmesh.notification.v1.NotificationKind kind) {
    if (kind == io.fitmesh.notification.v1.NotificationKind.NOTIFICATION_KIND_UNSPECIFIED
        || kind == io.fitmesh.notification.v1.NotificationKind.UNRECOGNIZED) {
      throw DomainException.invalidArgument("kind", "kind must be set");
    }
    return NotificationKind.valueOf(kind.name().substring("NOTIFICATION_KIND_".length()));
  }

  public static NotificationSettings toProto(Preferences p) {
    NotificationSettings.Builder b = NotificationSettings.newBuilder()
        .setQuietHours(QuietHours.newBuilder().setEnabled(p.quietHours().enabled())
            .setStartMinute(p.quietHours().startMinute()).setEndMinute(p.quietHours().endMinute()))
        .setTimeZone(p.zone().getId());
    p.everyKind().forEach((k, c) -> b.addKinds(KindPreference.newBuilder().setKind(kind(k)).setPush(c.push())
        .setInApp(c.inApp())));
    return b.build();
  }

  /** Settings as a client sends them; INVALID_ARGUMENT for a bad zone, kind or minute. */
  public static Preferences toDomain(NotificationSettings s) {
    Map<NotificationKind, Preferences.Channels> kinds = new EnumMap<>(NotificationKind.class);
    for (KindPreference k : s.getKindsList()) {
      kinds.put(kind(k.getKind()), new Preferences.Channels(k.getPush(), k.getInApp()));
    }
    ZoneId zone;
    try {
      zone = ZoneId.of(s.getTimeZone().isEmpty() ? "UTC" : s.getTimeZone());
    } catch (DateTimeException e) {
      throw DomainException.invalidArgument("settings.time_zone", "settings.time_zone is not an IANA zone");
    }
    try {
      return new Preferences(kinds, new Preferences.QuietHours(s.getQuietHours().getEnabled(),
          s.getQuietHours().getStartMinute(), s.getQuietHours().getEndMinute()), zone);
    } catch (IllegalArgumentException e) {
      throw DomainException.invalidArgument("settings.quiet_hours", e.getMessage());
    }
  }

  public static io.fitmesh.notification.v1.Device toProto(Device d) {
    return io.fitmesh.notification.v1.Device.newBuilder().setDeviceId(d.deviceId())
        .setPlatform(DevicePlatform.valueOf("DEVICE_PLATFORM_" + d.platform().name())).setToken(d.token())
        .setRegisterTime(ProtoTime.toTimestamp(d.registeredAt())).build();
  }

  /** The domain platform; INVALID_ARGUMENT for an unset one. */
  public static Device.Platform platform(DevicePlatform p) {
    if (p == DevicePlatform.DEVICE_PLATFORM_UNSPECIFIED || p == DevicePlatform.UNRECOGNIZED) {
      throw DomainException.invalidArgument("platform", "platform is APNS, FCM or WEB_PUSH");
    }
    return Device.Platform.valueOf(p.name().substring("DEVICE_PLATFORM_".length()));
  }
}
