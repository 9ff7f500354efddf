package io.fitmesh.notification.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import io.fitmesh.notification.domain.Claims;
import io.fitmesh.notification.domain.Device;
import io.fitmesh.notification.domain.DeviceStore;
import io.fitmesh.notification.domain.Inbox;
import io.fitmesh.notification.domain.Notification;
import io.fitmesh.notification.domain.NotificationKind;
import io.fitmesh.notification.domain.Page;
import io.fitmesh.notification.domain.PreferenceStore;
import io.fitmesh.notification.domain.Preferences;
import io.fitmesh.notification.domain.PushJob;
import io.fitmesh.notification.domain.PushQueue;
import io.fitmesh.notification.domain.RateLimits;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the notification stores must do; run against the in-memory twins and real CQL and Redis. */
abstract class NotificationStoresContract {
  private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);

  abstract Inbox inbox();

  abstract PreferenceStore preferences();

  abstract DeviceStore devices();

  abstract PushQueue queue();

  abstract Claims claims();

  abstract RateLimits rates();

  private static Notification item(String recipient, String id, Instant at, List<String> actors) {
    return new Notification(recipient, id, NotificationKind.KUDOS, actors.get(0) + " gave you kudos", "", actors,
        actors.size(), "workout:w1", at, false);
  }

  private static String fresh(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void anUpdatedItem_movesToTheTop_andPagesStayNewestFirst() {
    String bob = fresh("bob");
    for (int i = 0; i < 4; i++) {
      inbox().put(item(bob, UUID.nameUUIDFromBytes(("n" + i).getBytes()).toString(), T0.plusSeconds(i),
          List.of("fan-" + i)));
    }
    String first = UUID.nameUUIDFromBytes("n0".getBytes()).toString();
    inbox().put(item(bob, first, T0.plusSeconds(10), List.of("fan-9", "fan-0")));

    Page<Notification> page = inbox().list(bob, null, 2);
    assertThat(page.items()).extracting(Notification::notificationId).first().isEqualTo(first);
    assertThat(page.items().get(0).actorIds()).containsExactly("fan-9", "fan-0");
    Page<Notification> rest = inbox().list(bob, page.next(), 10);
    assertThat(page.items().size() + rest.items().size()).isEqualTo(4);
    assertThat(inbox().get(bob, first)).map(Notification::actorCount).contains(2L);
    assertThat(inbox().unread(bob)).isEqualTo(4);

    inbox().markRead(bob, List.of(first));
    assertThat(inbox().unread(bob)).isEqualTo(3);
    inbox().markRead(bob, List.of());
    assertThat(inbox().unread(bob)).isZero();
  }

  @Test
  void settings_areKept_andTheDefaultsHaveEverythingOn() {
    String ana = fresh("ana");
    assertThat(preferences().get(ana)).isEqualTo(Preferences.defaults());
    Preferences quiet = new Preferences(Map.of(NotificationKind.KUDOS, new Preferences.Channels(false, true)),
        new Preferences.QuietHours(true, 1320, 420), ZoneId.of("Europe/Ljubljana"));
    preferences().save(ana, quiet);

    assertThat(preferences().get(ana)).isEqualTo(quiet);
  }

  @Test
  void aDevice_registeredTwice_staysOne_andIsRemoved() {
    String ana = fresh("ana");
    Device phone = new Device(ana, "d1", Device.Platform.APNS, "abc", T0);
    devices().register(phone);
    Device again = devices().register(new Device(ana, "d1", Device.Platform.APNS, "abc", T0.plusSeconds(5)));
    devices().register(new Device(ana, "d2", Device.Platform.FCM, "xyz", T0.plusSeconds(1)));

    assertThat(again).isEqualTo(phone);
    assertThat(devices().of(ana)).extracting(Device::deviceId).containsExactly("d2", "d1");
    devices().remove(ana, "d2");
    devices().remove(ana, "d2");
    assertThat(devices().of(ana)).containsExactly(phone);
  }

  @Test
  void jobs_comeDueInTime_andAreGoneWhenDone() {
    String bob = fresh("bob");
    PushJob now = new PushJob("j1-" + bob, bob, NotificationKind.WORKOUT, "t", "b", "workout:w", "c", null, 1, T0);
    PushJob later = new PushJob("j2-" + bob, bob, NotificationKind.WORKOUT, "t", "b", "workout:w", "c", "d1", 2,
        T0.plusSeconds(60));
    queue().schedule(now);
    queue().schedule(later);

    assertThat(queue().due(T0, 100)).filteredOn(j -> j.recipientId().equals(bob)).containsExactly(now);
    queue().done(now);
    assertThat(queue().due(T0.plusSeconds(59), 100)).filteredOn(j -> j.recipientId().equals(bob)).isEmpty();
    assertThat(queue().due(T0.plusSeconds(60), 100)).filteredOn(j -> j.recipientId().equals(bob))
        .containsExactly(later);
  }

  @Test
  void aClaim_isWonOnce_untilReleased() {
    String key = fresh("event");
    assertThat(claims().claim(key, Duration.ofMinutes(1))).isTrue();
    assertThat(claims().claim(key, Duration.ofMinutes(1))).isFalse();
    claims().release(key);
    assertThat(claims().claim(key, Duration.ofMinutes(1))).isTrue();
  }

  @Test
  void rateCounts_growPerRecipientAndWindow() {
    String bob = fresh("bob");
    assertThat(rates().increment(bob, T0, Duration.ofHours(1))).isEqualTo(1);
    assertThat(rates().increment(bob, T0, Duration.ofHours(1))).isEqualTo(2);
    assertThat(rates().increment(bob, T0.plusSeconds(3600), Duration.ofHours(1))).isEqualTo(1);
    assertThat(rates().increment(fresh("ana"), T0, Duration.ofHours(1))).isEqualTo(1);
  }
}
