package io.fitmesh.notification.adapters.push;

import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads an HTTP Retry-After header: delay seconds or an HTTP-date. */
final class RetryAfter {
  /** A longer wait than this is taken as this: a push a day late is not worth more. */
  static final Duration LONGEST = Duration.ofDays(1);

  private RetryAfter() {}

  /** How long the server asked to wait, zero when it did not say (or said it unreadably), at most {@link #LONGEST}. */
  static Duration of(HttpHeaders headers, Clock clock) {
    String value = headers.get(HttpHeaderNames.RETRY_AFTER);
    if (value == null || value.isBlank()) {
      return Duration.ZERO;
    }
    String trimmed = value.trim();
    if (trimmed.chars().allMatch(Character::isDigit)) {
      return trimmed.length() > 6 ? LONGEST : clamp(Duration.ofSeconds(Long.parseLong(trimmed)));
    }
    try {
      ZonedDateTime at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME);
      return clamp(Duration.between(clock.instant(), at.toInstant()));
    } catch (DateTimeParseException e) {
      return Duration.ZERO;
    }
  }

  private static Duration clamp(Duration wait) {
    if (wait.isNegative()) {
      return Duration.ZERO;
    }
    return wait.compareTo(LONGEST) > 0 ? LONGEST : wait;
  }
}
