package io.fitmesh.challenge.adapters;

import io.fitmesh.challenge.domain.Leaderboard;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The boards of embedded mode and unit tests, ordered exactly as Redis orders a sorted set read in reverse:
 * higher key first, equal keys by member descending. Ranks cost O(n); fine for tests, not for a million.
 */
public final class InMemoryLeaderboard implements Leaderboard {
  private static final Comparator<Entry> ORDER = Comparator.comparingDouble(Entry::key).reversed()
      .thenComparing(Entry::athleteId, Comparator.reverseOrder());

  /** Sorts before every athlete id of the same key (ids descending), so a head set holds the higher keys only. */
  private static final String ABOVE_EVERY_ID = "\uffff";

  private static final class Board {
    final Map<String, Double> keys = new HashMap<>();
    final TreeSet<Entry> ordered = new TreeSet<>(ORDER);
    final AtomicLong version = new AtomicLong();

    void put(String athleteId, double key) {
      Double old = keys.put(athleteId, key);
      if (old != null) {
        ordered.remove(new Entry(athleteId, old));
      }
      ordered.add(new Entry(athleteId, key));
      version.incrementAndGet();
    }
  }

  private final Map<String, Board> boards = new ConcurrentHashMap<>();
  private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

  private Board board(String challengeId) {
    return boards.computeIfAbsent(challengeId, id -> new Board());
  }

  @Override
  public Placement addIfAbsent(String challengeId, String athleteId, double key) {
    Board b = board(challengeId);
    synchronized (b) {
      boolean added = !b.keys.containsKey(athleteId);
      if (added) {
        b.put(athleteId, key);
        changed(challengeId);
      }
      return new Placement(added, b.ordered.headSet(new Entry(athleteId, b.keys.get(athleteId))).size());
    }
  }

  @Override
  public void updateExisting(String challengeId, Map<String, Double> keys) {
    Board b = board(challengeId);
    synchronized (b) {
      keys.forEach((athleteId, key) -> {
        if (b.keys.containsKey(athleteId)) {
          b.put(athleteId, key);
        }
      });
    }
    changed(challengeId);
  }

  @Override
  public void remove(String challengeId, String athleteId) {
    Board b = board(challengeId);
    synchronized (b) {
      Double old = b.keys.remove(athleteId);
      if (old != null) {
        b.ordered.remove(new Entry(athleteId, old));
        b.version.incrementAndGet();
      }
    }
    changed(challengeId);
  }

  @Override
  public OptionalLong rank(String challengeId, String athleteId) {
    Leaderboard.Place place = places(challengeId, List.of(athleteId)).get(athleteId);
    return place == null ? OptionalLong.empty() : OptionalLong.of(place.rank());
  }

  @Override
  public Map<String, Place> places(String challengeId, List<String> athleteIds) {
    Board b = board(challengeId);
    Map<String, Place> result = new HashMap<>();
    synchronized (b) {
      for (String athleteId : athleteIds) {
        Double key = b.keys.get(athleteId);
        if (key != null) {
          result.put(athleteId, new Place(b.ordered.headSet(new Entry(athleteId, key)).size(), key));
        }
      }
    }
    return result;
  }

  @Override
  public List<Entry> range(String challengeId, long from, long to) {
    Board b = board(challengeId);
    synchronized (b) {
      return new ArrayList<>(b.ordered).subList((int) Math.min(from, b.ordered.size()),
          (int) Math.min(to + 1, b.ordered.size()));
    }
  }

  @Override
  public long size(String challengeId) {
    Board b = board(challengeId);
    synchronized (b) {
      return b.keys.size();
    }
  }

  @Override
  public long countAbove(String challengeId, double key) {
    Board b = board(challengeId);
    synchronized (b) {
      return b.ordered.headSet(new Entry(ABOVE_EVERY_ID, key)).size();
    }
  }

  @Override
  public long version(String challengeId) {
    return board(challengeId).version.get();
  }

  @Override
  public void replace(String challengeId, Map<String, Double> keys) {
    Board b = board(challengeId);
    synchronized (b) {
      b.keys.clear();
      b.ordered.clear();
      keys.forEach(b::put);
      b.version.incrementAndGet();
    }
    changed(challengeId);
  }

  @Override
  public AutoCloseable onChange(Consumer<String> changed) {
    listeners.add(changed);
    return () -> listeners.remove(changed);
  }

  private void changed(String challengeId) {
    listeners.forEach(l -> l.accept(challengeId));
  }
}
