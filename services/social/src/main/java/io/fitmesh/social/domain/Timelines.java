package io.fitmesh.social.domain;

import java.util.Collection;
import java.util.List;

/**
 * Home timelines in Redis: per athlete, the newest entries of the athletes they follow (capped). A timeline is
 * kept only while its athlete reads it: one unread for {@code inactivity} lapses, is skipped by fan-out and is
 * rebuilt from CQL on the next read. Everything here can be rebuilt.
 */
public interface Timelines {

  /** True when the athlete's timeline is built (and fan-out writes to it). */
  boolean isBuilt(String athleteId);

  /** Marks the timeline built (fan-out writes to it from now), before a rebuild reads what to put in it. */
  void markBuilt(String athleteId);

  /** Keeps a read timeline from lapsing. */
  void touch(String athleteId);

  /** Adds entries to one timeline (a rebuild, a new follow), trimming it to its cap. */
  void add(String athleteId, Collection<TimelineEntry> entries);

  /**
   * Adds each delivery's entry to each of its timelines that is built, all at once; the others are skipped. A
   * timeline may hold a few more than its cap between trims.
   */
  void fanOut(List<Delivery> deliveries);

  /** Up to {@code limit} entries after {@code after} (null: from the newest). */
  List<TimelineEntry> page(String athleteId, TimelineEntry after, int limit);

  /** Takes entries out (deleted workouts, an unfollowed author). */
  void remove(String athleteId, Collection<TimelineEntry> entries);

  /** Drops the timeline (a block); it is rebuilt on the next read. */
  void drop(String athleteId);

  /** One entry for many timelines. */
  record Delivery(TimelineEntry entry, Collection<String> athleteIds) {}
}
