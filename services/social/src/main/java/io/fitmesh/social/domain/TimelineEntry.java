package io.fitmesh.social.domain;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Comparator;

/**
 * A workout in a home timeline. Timelines are ordered newest start first, then by workout id descending, the
 * order {@link #NEWEST_FIRST} gives and pages continue from.
 */
public record TimelineEntry(String workoutId, String authorId, Instant startTime) {
  public static final Comparator<TimelineEntry> NEWEST_FIRST = Comparator
      .comparing((TimelineEntry e) -> e.startTime().toEpochMilli()).reversed()
      .thenComparing(TimelineEntry::workoutId, Comparator.reverseOrder());

  public TimelineEntry {
    requireNonNull(workoutId, "workoutId");
    requireNonNull(authorId, "authorId");
    requireNonNull(startTime, "startTime");
  }

  /** True when this entry comes after {@code other} in a timeline. */
  public boolean isAfter(TimelineEntry other) {
    return NEWEST_FIRST.compare(this, other) > 0;
  }

  /** As a page position: start millis and workout id. */
  public String position() {
    return startTime.toEpochMilli() + ":" + workoutId;
  }

  /** The entry a {@link #position()} names (its author unknown); null for null. */
  public static TimelineEntry fromPosition(String position) {
    if (position == null) {
      return null;
    }
    int colon = position.indexOf(':');
    try {
      return new TimelineEntry(position.substring(colon + 1), "",
          Instant.ofEpochMilli(Long.parseLong(position.substring(0, colon))));
    } catch (RuntimeException e) {
      throw io.fitmesh.platform.errors.DomainException.invalidArgument("page_token",
          "page_token is not one this API returned");
    }
  }
}
