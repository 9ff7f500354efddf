package io.fitmesh.notification;

import io.fitmesh.platform.config.ConfigException;
import io.fitmesh.platform.config.PlatformConfig;
import io.fitmesh.platform.config.Settings;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The notification service's own settings, read and checked once at start.
 *
 * @param maxPushes FITMESH_PUSH_RATE_LIMIT (default 10): pushes per recipient per window; beyond, one digest
 * @param window FITMESH_PUSH_RATE_WINDOW (default 1h)
 * @param workoutNotifyMaxFollowers FITMESH_WORKOUT_NOTIFY_MAX_FOLLOWERS (default 1000): the followers of an athlete
 *     with more are not notified of each workout (they read it in their feeds)
 * @param clubNotifyMaxMembers FITMESH_CLUB_NOTIFY_MAX_MEMBERS (default 1000): members of larger clubs are not
 *     notified of every member's workout (they read the club feed)
 * @param apns FITMESH_APNS_KEY_FILE (.p8), FITMESH_APNS_KEY_ID, FITMESH_APNS_TEAM_ID, FITMESH_APNS_TOPIC (the
 *     app's bundle id), FITMESH_APNS_SERVER (host:port, default api.push.apple.com:443) and FITMESH_APNS_TRUSTED_CA
 *     (a PEM file, for a test server): APNs with token auth; absent without a key file
 * @param fcm FITMESH_FCM_CREDENTIALS (a service-account JSON file) and FITMESH_FCM_BASE_URL (default
 *     https://fcm.googleapis.com): FCM HTTP v1; absent without credentials
 */
record PushSettings(int maxPushes, Duration window, int workoutNotifyMaxFollowers, int clubNotifyMaxMembers,
    Optional<Apns> apns, Optional<Fcm> fcm) {

  record Apns(Path keyFile, String keyId, String teamId, String topic, String host, int port, Optional<Path> trustedCa) {}

  record Fcm(Path credentials, URI baseUrl) {}

  static PushSettings from(PlatformConfig config) {
    Settings settings = config.settings();
    return new PushSettings(
        settings.intInRange("FITMESH_PUSH_RATE_LIMIT", 10, 1, 10_000),
        settings.duration("FITMESH_PUSH_RATE_WINDOW", Duration.ofHours(1)),
        settings.intInRange("FITMESH_WORKOUT_NOTIFY_MAX_FOLLOWERS", 1000, 0, 1_000_000),
        settings.intInRange("FITMESH_CLUB_NOTIFY_MAX_MEMBERS", 1000, 0, 1_000_000),
        settings.optional("FITMESH_APNS_KEY_FILE").map(file -> apns(settings, file)),
        settings.optional("FITMESH_FCM_CREDENTIALS").map(file -> new Fcm(existing("FITMESH_FCM_CREDENTIALS", file),
            URI.create(settings.string("FITMESH_FCM_BASE_URL", "https://fcm.googleapis.com")))));
  }

  private static Apns apns(Settings settings, String keyFile) {
    String why = "required with FITMESH_APNS_KEY_FILE";
    String server = settings.string("FITMESH_APNS_SERVER", "api.push.apple.com:443");
    int colon = server.lastIndexOf(':');
    int port;
    try {
      port = Integer.parseInt(server.substring(colon + 1));
    } catch (RuntimeException e) {
      throw new ConfigException("FITMESH_APNS_SERVER=" + server + " is not host:port");
    }
    return new Apns(existing("FITMESH_APNS_KEY_FILE", keyFile), settings.required("FITMESH_APNS_KEY_ID", why),
        settings.required("FITMESH_APNS_TEAM_ID", why), settings.required("FITMESH_APNS_TOPIC", why),
        server.substring(0, Math.max(0, colon)), port,
        settings.optional("FITMESH_APNS_TRUSTED_CA").map(ca -> existing("FITMESH_APNS_TRUSTED_CA", ca)));
  }

  private static Path existing(String name, String value) {
    Path path = Path.of(value);
    if (!Files.isReadable(path)) {
      throw new ConfigException(name + "=" + value + " is not a readable file");
    }
    return path;
  }
}
