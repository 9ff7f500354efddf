package io.fitmesh.notification.domain;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A phone or browser that takes an athlete's pushes.
 *
 * @param deviceId chosen by the server when the device registers; stable for its token
 * @param token the APNs device token (hex), the FCM registration token, or the Web Push subscription (JSON)
 */
public record Device(String athleteId, String deviceId, Platform platform, String token, Instant registeredAt) {

  /** Which push service reaches the device. */
  public enum Platform { APNS, FCM, WEB_PUSH }

  public Device {
    requireNonNull(athleteId, "athleteId");
    requireNonNull(deviceId, "deviceId");
    requireNonNull(platform, "platform");
    requireNonNull(token, "token");
    requireNonNull(registeredAt, "registeredAt");
  }
}
