package io.fitmesh.notification.domain;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.Map;

/**
 * An athlete's notification settings: per kind (every kind; one not given is on), push and inbox on or off, and quiet
 * hours in their zone during which pushes wait (nothing is dropped).
 */
public record Preferences(Map<NotificationKind, Channels> kinds, QuietHours quietHours, ZoneId zone) {

  public Preferences {
    Map<NotificationKind, Channels> every = new EnumMap<>(NotificationKind.class);
    for (NotificationKind k : NotificationKind.values()) {
      every.put(k, kinds.getOrDefault(k, Channels.ALL));
    }
    kinds = Map.copyOf(every);
    requireNonNull(quietHours, "quietHours");
    requireNonNull(zone, "zone");
  }

  /** Everything on, no quiet hours, UTC. */
  public static Preferences defaults() {
    return new Preferences(Map.of(), QuietHours.OFF, ZoneId.of("UTC"));
  }

  public Channels channels(NotificationKind kind) {
    return kinds.get(kind);
  }

  /** Every kind with its channels, in kind order, for showing the settings. */
  public Map<NotificationKind, Channels> everyKind() {
    return new EnumMap<>(kinds);
  }

  /** When a push made at {@code now} may go: now, or the end of the quiet hours it falls in. */
  public Instant pushAt(Instant now) {
    return quietHours.release(now, zone);
  }

  /** Push and inbox for one kind. */
  public record Channels(boolean push, boolean inApp) {
    public static final Channels ALL = new Channels(true, true);
  }

  /**
   * Minutes of the day (0..1439); an end before the start means the hours run past midnight.
   */
  public record QuietHours(boolean enabled, int startMinute, int endMinute) {
    public static final QuietHours OFF = new QuietHours(false, 0, 0);

    public QuietHours {
      if (startMinute < 0 || startMinute > 1439 || endMinute < 0 || endMinute > 1439) {
        throw new IllegalArgumentException("quiet hours are minutes of the day, 0..1439");
      }
    }

    Instant release(Instant now, ZoneId zone) {
      if (!enabled || startMinute == endMinute) {
        return now;
      }
      ZonedDateTime local = now.atZone(zone);
      int minute = local.getHour() * 60 + local.getMinute();
      boolean overnight = endMinute < startMinute;
      boolean quiet = overnight ? minute >= startMinute || minute < endMinute
          : minute >= startMinute && minute < endMinute;
      if (!quiet) {
        return now;
      }
      LocalDate endDay = overnight && minute >= startMinute ? local.toLocalDate().plusDays(1) : local.toLocalDate();
      return ZonedDateTime.of(endDay, LocalTime.of(endMinute / 60, endMinute % 60), zone).toInstant();
    }
  }
}
