package io.fitmesh.notification.adapters.push;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** Fits a collapse key into APNs' apns-collapse-id, which may not exceed 64 bytes. */
final class CollapseIds {
  static final int APNS_MAX_BYTES = 64;

  private CollapseIds() {}

  /**
   * The key itself when it fits, else the URL-safe Base64 of its SHA-256 (43 characters): the same key always gives
   * the same id, so pushes still replace each other.
   */
  static String forApns(String collapseKey) {
    byte[] bytes = collapseKey.getBytes(UTF_8);
    if (bytes.length <= APNS_MAX_BYTES) {
      return collapseKey;
    }
    try {
      return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
