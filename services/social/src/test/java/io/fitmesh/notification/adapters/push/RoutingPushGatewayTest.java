package io.fitmesh.notification.adapters.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fitmesh.notification.domain.Device;
import io.fitmesh.notification.domain.PushGateway;
import io.fitmesh.notification.domain.PushMessage;
import io.fitmesh.notification.domain.PushResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class RoutingPushGatewayTest {
  private static final PushMessage MESSAGE = new PushMessage("Kudos", "Ada liked your run", "k", Map.of());

  @Test
  void eachPush_goesToTheGatewayOfItsDevicesPlatform() throws Exception {
    Recording apns = new Recording(Device.Platform.APNS);
    Recording fcm = new Recording(Device.Platform.FCM);
    try (RoutingPushGateway routing = new RoutingPushGateway(List.of(apns, fcm))) {

      assertThat(send(routing, Device.Platform.FCM)).isEqualTo(new PushResult.Delivered());
      assertThat(send(routing, Device.Platform.APNS)).isEqualTo(new PushResult.Delivered());

      assertThat(fcm.devices).extracting(Device::platform).containsExactly(Device.Platform.FCM);
      assertThat(apns.devices).extracting(Device::platform).containsExactly(Device.Platform.APNS);
      assertThat(routing.platforms()).containsExactlyInAnyOrder(Device.Platform.APNS, Device.Platform.FCM);
    }
  }

  @Test
  void aPlatformNoGatewayServes_fails() throws Exception {
    try (RoutingPushGateway routing = new RoutingPushGateway(List.of(new Recording(Device.Platform.FCM)))) {

      assertThat(send(routing, Device.Platform.WEB_PUSH))
          .isEqualTo(new PushResult.Failed("no push service configured for WEB_PUSH"));
    }
  }

  @Test
  void twoGatewaysForOnePlatform_areRefused() {
    assertThatThrownBy(() -> new RoutingPushGateway(
        List.of(new Recording(Device.Platform.FCM), new Recording(Device.Platform.FCM))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("FCM");
  }

  @Test
  void aGatewayThatThrowsOrFailsItsFuture_stillGivesAResult() throws Exception {
    Recording throwing = new Recording(Device.Platform.APNS, () -> {
      throw new IllegalStateException("bug");
    });
    Recording failing = new Recording(Device.Platform.FCM,
        () -> CompletableFuture.failedFuture(new IllegalStateException("bug")));
    try (RoutingPushGateway routing = new RoutingPushGateway(List.of(throwing, failing))) {

      assertThat(send(routing, Device.Platform.APNS)).isInstanceOf(PushResult.Failed.class);
      assertThat(send(routing, Device.Platform.FCM)).isInstanceOf(PushResult.Failed.class);
    }
  }

  @Test
  void closing_closesEveryGateway_evenAfterOneFailsToClose() {
    Recording apns = new Recording(Device.Platform.APNS) {
      @Override
      public void close() {
        super.close();
        throw new IllegalStateException("stuck");
      }
    };
    Recording fcm = new Recording(Device.Platform.FCM);

    new RoutingPushGateway(List.of(apns, fcm)).close();

    assertThat(apns.closed).isEqualTo(1);
    assertThat(fcm.closed).isEqualTo(1);
  }

  @Test
  void theLoggingGateway_servesEveryPlatform_andKeepsTheLatestThousand() throws Exception {
    LoggingPushGateway logging = new LoggingPushGateway();
    try (RoutingPushGateway routing = new RoutingPushGateway(List.of(logging))) {
      for (Device.Platform platform : Device.Platform.values()) {
        assertThat(send(routing, platform)).isEqualTo(new PushResult.Delivered());
      }
      for (int i = 0; i < LoggingPushGateway.KEPT; i++) {
        logging.send(device(Device.Platform.FCM), new PushMessage("n" + i, "b", "k", Map.of()));
      }

      List<LoggingPushGateway.Sent> sent = logging.sent();
      assertThat(sent).hasSize(LoggingPushGateway.KEPT);
      assertThat(sent.get(0).message().title()).isEqualTo("n0");
      assertThat(sent.get(sent.size() - 1).message().title()).isEqualTo("n999");
    }
  }

  private static PushResult send(PushGateway gateway, Device.Platform platform) throws Exception {
    return gateway.send(device(platform), MESSAGE).get(10, TimeUnit.SECONDS);
  }

  private static Device device(Device.Platform platform) {
    return new Device("athlete-1", "device-" + platform, platform, "token", Instant.EPOCH);
  }

  /** Serves one platform, remembers what it was asked to send, answers as told. */
  private static class Recording implements PushGateway {
    final Device.Platform platform;
    final Supplier<CompletableFuture<PushResult>> answer;
    final List<Device> devices = new ArrayList<>();
    int closed;

    Recording(Device.Platform platform) {
      this(platform, () -> CompletableFuture.completedFuture(new PushResult.Delivered()));
    }

    Recording(Device.Platform platform, Supplier<CompletableFuture<PushResult>> answer) {
      this.platform = platform;
      this.answer = answer;
    }

    @Override
    public Set<Device.Platform> platforms() {
      return Set.of(platform);
    }

    @Override
    public CompletableFuture<PushResult> send(Device device, PushMessage message) {
      devices.add(device);
      return answer.get();
    }

    @Override
    public void close() {
      closed++;
    }
  }
}
