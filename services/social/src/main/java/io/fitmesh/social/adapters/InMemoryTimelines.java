package io.fitmesh.social.adapters;

import io.fitmesh.social.domain.TimelineEntry;
import io.fitmesh.social.domain.Timelines;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/** The embedded twin of {@link RedisTimelines} (without lapsing: an embedded node does not live 30 days). */
public final class InMemoryTimelines implements Timelines {
  private final int cap;
  private final Map<String, TreeSet<TimelineEntry>> timelines = new ConcurrentHashMap<>();

  public InMemoryTimelines(int cap) {
    this.cap = cap;
  }

  @Override
  public boolean isBuilt(String athleteId) {
    return timelines.containsKey(athleteId);
  }

  @Override
  public void markBuilt(String athleteId) {
    timelines.computeIfAbsent(athleteId, k -> new TreeSet<>(TimelineEntry.NEWEST_FIRST));
  }

  @Override
  public void touch(String athleteId) {}

  @Override
  public void add(String athleteId, Collection<TimelineEntry> entries) {
    TreeSet<TimelineEntry> timeline = timelines.computeIfAbsent(athleteId, k -> new TreeSet<>(TimelineEntry.NEWEST_FIRST));
    synchronized (timeline) {
      timeline.addAll(entries);
      while (timeline.size() > cap) {
        timeline.pollLast();
      }
    }
  }

  @Override
  public void fanOut(List<Delivery> deliveries) {
    for (Delivery d : deliveries) {
      for (String athleteId : d.athleteIds()) {
        if (isBuilt(athleteId)) {
          add(athleteId, List.of(d.entry()));
        }
      }
    }
  }

  @Override
  public List<TimelineEntry> page(String athleteId, TimelineEntry after, int limit) {
    TreeSet<TimelineEntry> timeline = timelines.get(athleteId);
    if (timeline == null) {
      return List.of();
    }
    synchronized (timeline) {
      List<TimelineEntry> page = new ArrayList<>();
      for (TimelineEntry e : after == null ? timeline : timeline.tailSet(after, false)) {
        if (page.size() == limit) {
          break;
        }
        page.add(e);
      }
      return page;
    }
  }

  @Override
  public void remove(String athleteId, Collection<TimelineEntry> entries) {
    TreeSet<TimelineEntry> timeline = timelines.get(athleteId);
    if (timeline != null) {
      synchronized (timeline) {
        entries.forEach(e -> timeline.removeIf(t -> t.workoutId().equals(e.workoutId())));
      }
    }
  }

  @Override
  public void drop(String athleteId) {
    timelines.remove(athleteId);
  }
}
