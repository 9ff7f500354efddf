package io.fitmesh.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.fitmesh.notification.adapters.InMemoryClaims;
import io.fitmesh.notification.adapters.InMemoryDeviceStore;
import io.fitmesh.notification.adapters.InMemoryInbox;
import io.fitmesh.notification.adapters.InMemoryPreferenceStore;
import io.fitmesh.notification.adapters.InMemoryPushQueue;
import io.fitmesh.notification.adapters.InMemoryRateLimits;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Notifications and pushes on the in-memory twins with a clock the test moves. */
class NotifierTest {
  private static final Instant NOON = Instant.parse("2026-11-26T12:00:00Z");

  private final AtomicReference<Instant> now = new AtomicReference<>(NOON);
  private final Clock clock = new Clock() {
    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  };
  private final InMemoryInbox inbox = new InMemoryInbox();
  private final InMemoryPreferenceStore preferences = new InMemoryPreferenceStore();
  private final InMemoryPushQueue queue = new InMemoryPushQueue();
  private final InMemoryDeviceStore devices = new InMemoryDeviceStore();
  private final List<Notification> changes = new ArrayList<>();
  private final Notifier notifier = new Notifier(inbox, preferences, queue, new InMemoryClaims(clock),
      new InMemoryRateLimits(), changes::add, clock, 3, Duration.ofHours(1));
  private final List<String> sent = new ArrayList<>();
  private final List<PushResult> answers = new ArrayList<>();
  private final PushGateway gateway = new PushGateway() {
    @Override
    public Set<Device.Platform> platforms() {
      return Set.of(Device.Platform.values());
    }

    @Override
    public CompletableFuture<PushResult> send(Device device, PushMessage message) {
      sent.add(device.deviceId() + " " + message.title() + " / " + message.body());
      return CompletableFuture.completedFuture(answers.isEmpty() ? new PushResult.Delivered() : answers.remove(0));
    }

    @Override
    public void close() {}
  };

  private Occurrence kudos(String event, String giver) {
    return new Occurrence(event, NotificationKind.KUDOS, "workout-1", giver, "workout:workout-1", "", now.get());
  }

  private void dispatchDue() {
    try (PushDispatcher dispatcher = new PushDispatcher(queue, devices, inbox, gateway, clock, Duration.ofHours(1))) {
      dispatcher.send(queue.due(now.get(), 100));
    }
  }

  private Device phone(String athlete, String id) {
    return devices.register(new Device(athlete, id, Device.Platform.APNS, "token-" + id, NOON));
  }

  @Test
  void aRedeliveredEvent_notifiesOnce_andKudosOnOneWorkoutAreOneGroupedItem() {
    phone("alice", "phone");
    notifier.notify(kudos("e1", "ana"), List.of("alice"));
    notifier.notify(kudos("e1", "ana"), List.of("alice"));
    for (int i = 0; i < 14; i++) {
      now.set(now.get().plusSeconds(1));
      notifier.notify(kudos("e-" + i, "fan-" + i), List.of("alice"));
    }
    now.set(now.get().plusSeconds(1));
    notifier.notify(kudos("e-last", "ana"), List.of("alice"));

    List<Notification> items = inbox.list("alice", null, 10).items();
    assertThat(items).hasSize(1);
    assertThat(items.get(0).title()).isEqualTo("ana and 14 others gave you kudos");
    assertThat(items.get(0).actorIds()).hasSize(15).startsWith("ana", "fan-13");
    assertThat(items.get(0).actorCount()).isEqualTo(15);
    assertThat(inbox.unread("alice")).isEqualTo(1);
    assertThat(changes).hasSize(16);
  }

  @Test
  void theActorIsNeverNotified_andASwitchedOffChannelGetsNothing() {
    preferences.save("bob", new Preferences(Map.of(NotificationKind.WORKOUT, new Preferences.Channels(false, true)),
        Preferences.QuietHours.OFF, ZoneId.of("UTC")));
    phone("bob", "phone");
    Occurrence workout = new Occurrence("w1", NotificationKind.WORKOUT, "w1", "alice", "workout:w1", "Morning run",
        NOON);

    notifier.notify(workout, List.of("alice", "bob"));
    dispatchDue();

    assertThat(inbox.list("alice", null, 10).items()).isEmpty();
    assertThat(inbox.list("bob", null, 10).items()).extracting(Notification::title)
        .containsExactly("alice finished a workout");
    assertThat(sent).as("bob switched workout pushes off").isEmpty();
  }

  @Test
  void quietHours_holdThePushUntilTheyEnd_nothingIsDropped() {
    phone("bob", "phone");
    preferences.save("bob", new Preferences(Map.of(), new Preferences.QuietHours(true, 22 * 60, 7 * 60),
        ZoneId.of("Europe/Ljubljana")));
    now.set(Instant.parse("2026-11-26T22:30:00Z"));
    notifier.notify(new Occurrence("f1", NotificationKind.FOLLOWER, "ana", "ana", "athlete:ana", "", now.get()),
        List.of("bob"));

    dispatchDue();
    assertThat(sent).isEmpty();
    now.set(Instant.parse("2026-11-27T05:59:00Z"));
    dispatchDue();
    assertThat(sent).isEmpty();
    now.set(Instant.parse("2026-11-27T06:00:00Z"));
    dispatchDue();
    assertThat(sent).containsExactly("phone ana follows you / Open their profile");
  }

  @Test
  void aBurstBeyondTheRateLimit_becomesOneDigestAtTheWindowsEnd() {
    phone("bob", "phone");
    for (int i = 0; i < 10; i++) {
      notifier.notify(new Occurrence("c" + i, NotificationKind.COMMENT, "c" + i, "fan-" + i, "workout:w", "hi " + i,
          now.get()), List.of("bob"));
    }
    dispatchDue();
    assertThat(sent).hasSize(3);

    now.set(NOON.plus(Duration.ofHours(1)));
    dispatchDue();
    assertThat(sent).hasSize(4);
    assertThat(sent.get(3)).isEqualTo("phone New notifications / You have 10 unread notifications");
  }

  @Test
  void aDeadToken_removesTheDevice_andAnUnavailableServiceIsTriedAgainOnce() {
    phone("bob", "old-phone");
    phone("bob", "new-phone");
    answers.add(new PushResult.DeadToken("Unregistered"));
    answers.add(new PushResult.RetryLater(Duration.ofSeconds(30), "503"));
    notifier.notify(new Occurrence("f1", NotificationKind.FOLLOWER, "ana", "ana", "athlete:ana", "", NOON),
        List.of("bob"));

    dispatchDue();
    assertThat(devices.of("bob")).extracting(Device::deviceId).containsExactly("new-phone");
    now.set(NOON.plusSeconds(29));
    dispatchDue();
    assertThat(sent).hasSize(2);
    now.set(NOON.plusSeconds(30));
    dispatchDue();
    dispatchDue();

    assertThat(sent).hasSize(3).last().asString().startsWith("new-phone");
    assertThat(queue.due(NOON.plus(Duration.ofDays(1)), 10)).isEmpty();
  }
}
