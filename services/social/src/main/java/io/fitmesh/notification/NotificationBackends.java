package io.fitmesh.notification;

import io.fitmesh.notification.adapters.InMemoryClaims;
import io.fitmesh.notification.adapters.InMemoryDeviceStore;
import io.fitmesh.notification.adapters.InMemoryInbox;
import io.fitmesh.notification.adapters.InMemoryPreferenceStore;
import io.fitmesh.notification.adapters.InMemoryPushQueue;
import io.fitmesh.notification.adapters.InMemoryRateLimits;
import io.fitmesh.notification.adapters.RedisClaims;
import io.fitmesh.notification.adapters.RedisRateLimits;
import io.fitmesh.notification.adapters.ScyllaDeviceStore;
import io.fitmesh.notification.adapters.ScyllaInbox;
import io.fitmesh.notification.adapters.ScyllaPreferenceStore;
import io.fitmesh.notification.adapters.ScyllaPushQueue;
import io.fitmesh.notification.adapters.push.ApnsOptions;
import io.fitmesh.notification.adapters.push.ApnsPushGateway;
import io.fitmesh.notification.adapters.push.FcmOptions;
import io.fitmesh.notification.adapters.push.FcmPushGateway;
import io.fitmesh.notification.adapters.push.LoggingPushGateway;
import io.fitmesh.notification.adapters.push.RoutingPushGateway;
import io.fitmesh.notification.domain.Claims;
import io.fitmesh.notification.domain.DeviceStore;
import io.fitmesh.notification.domain.Inbox;
import io.fitmesh.notification.domain.PreferenceStore;
import io.fitmesh.notification.domain.PushGateway;
import io.fitmesh.notification.domain.PushQueue;
import io.fitmesh.notification.domain.RateLimits;
import io.fitmesh.platform.config.ConfigException;
import io.fitmesh.platform.runtime.PlatformRuntime;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notification service's stores and push gateways as the runtime's backends and settings make them: CQL
 * (keyspace fitmesh_notification) and Redis (claims, rate limits), or the in-memory twins; APNs and FCM when their
 * credentials are set, else a push sink that only logs (and says so at start).
 */
record NotificationBackends(Inbox inbox, PreferenceStore preferences, DeviceStore devices, PushQueue pushes,
    Claims claims, RateLimits rates, PushGateway gateway, Runnable release) {
  private static final Logger log = LoggerFactory.getLogger(NotificationBackends.class);

  static NotificationBackends open(PlatformRuntime runtime, PushSettings settings) {
    PushGateway gateway = gateway(settings);
    Claims claims = runtime.redis().<Claims>map(RedisClaims::new).orElseGet(() -> new InMemoryClaims(runtime.clock()));
    RateLimits rates = runtime.redis().<RateLimits>map(RedisRateLimits::new).orElseGet(InMemoryRateLimits::new);
    return runtime.cql().map(session -> {
      String keyspace = runtime.migrateCql(NotificationDeployable.NAME);
      ScyllaPushQueue queue = new ScyllaPushQueue(session, keyspace);
      return new NotificationBackends(new ScyllaInbox(session, keyspace), new ScyllaPreferenceStore(session, keyspace),
          new ScyllaDeviceStore(session, keyspace), queue, claims, rates, gateway, queue::release);
    }).orElseGet(() -> new NotificationBackends(new InMemoryInbox(), new InMemoryPreferenceStore(),
        new InMemoryDeviceStore(), new InMemoryPushQueue(), claims, rates, gateway, () -> { }));
  }

  private static PushGateway gateway(PushSettings settings) {
    List<PushGateway> gateways = new ArrayList<>();
    try {
      if (settings.apns().isPresent()) {
        PushSettings.Apns a = settings.apns().get();
        gateways.add(new ApnsPushGateway(new ApnsOptions(a.host(), a.port(), a.teamId(), a.keyId(),
            ApnsOptions.readSigningKey(a.keyFile()), a.topic(),
            a.trustedCa().isPresent() ? ApnsOptions.readCertificates(a.trustedCa().get()) : List.of(),
            Duration.ofSeconds(10))));
      }
      if (settings.fcm().isPresent()) {
        PushSettings.Fcm f = settings.fcm().get();
        gateways.add(new FcmPushGateway(FcmOptions.fromServiceAccountJson(
            Files.readString(f.credentials(), StandardCharsets.UTF_8), f.baseUrl(), Duration.ofSeconds(10))));
      }
    } catch (IOException | IllegalArgumentException e) {
      gateways.forEach(PushGateway::close);
      throw new ConfigException("push credentials cannot be read: " + e.getMessage());
    }
    if (gateways.isEmpty()) {
      log.warn("no push credentials (FITMESH_APNS_KEY_FILE, FITMESH_FCM_CREDENTIALS): pushes are only logged");
      return new LoggingPushGateway();
    }
    return new RoutingPushGateway(gateways);
  }
}
