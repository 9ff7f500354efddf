package io.fitmesh.challenge.domain;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The watchers of this instance. A ticker polls the version of each watched board; when it changed, and not
 * more often than {@code minInterval} per board, it reads the top once and every watcher's place in one batch
 * and shows each watcher its view. So a board changing a thousand times a second costs one read per interval,
 * and it does not matter which instance applied the change.
 */
public final class LeaderboardWatches implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LeaderboardWatches.class);
  private static final Duration POLL = Duration.ofMillis(100);

  /** Someone watching a board. */
  public interface Watcher {
    void show(BoardView view);
  }

  private record Watch(String athleteId, int top, Watcher watcher) {}

  private static final class Board {
    final Set<Watch> watches = ConcurrentHashMap.newKeySet();
    volatile long shownVersion = -1;
    volatile Instant shownAt = Instant.EPOCH;
  }

  private final ChallengeCatalog catalog;
  private final Leaderboard leaderboard;
  private final Clock clock;
  private final Duration minInterval;
  private final Map<String, Board> boards = new ConcurrentHashMap<>();
  private final ScheduledExecutorService ticker;

  public LeaderboardWatches(ChallengeCatalog catalog, Leaderboard leaderboard, Clock clock, Duration minInterval) {
    this.catalog = requireNonNull(catalog, "catalog");
    this.leaderboard = requireNonNull(leaderboard, "leaderboard");
    this.clock = requireNonNull(clock, "clock");
    this.minInterval = requireNonNull(minInterval, "minInterval");
    this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "leaderboard-watches");
      t.setDaemon(true);
      return t;
    });
    ticker.scheduleWithFixedDelay(this::tick, POLL.toMillis(), POLL.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Shows the watcher the board now and after each change; close the result to stop. NOT_FOUND if unknown. */
  public AutoCloseable watch(String challengeId, String athleteId, int top, Watcher watcher) {
    Challenge challenge = catalog.get(challengeId);
    Watch watch = new Watch(athleteId, top, watcher);
    Board board = boards.computeIfAbsent(challengeId, id -> new Board());
    board.watches.add(watch);
    show(challenge, List.of(watch));
    return () -> boards.computeIfPresent(challengeId, (id, b) -> {
      b.watches.remove(watch);
      return b.watches.isEmpty() ? null : b;
    });
  }

  /** How many streams this instance serves. */
  public int watcherCount() {
    return boards.values().stream().mapToInt(b -> b.watches.size()).sum();
  }

  private void tick() {
    for (Map.Entry<String, Board> e : boards.entrySet()) {
      try {
        tick(e.getKey(), e.getValue());
      } catch (RuntimeException ex) {
        log.warn("could not refresh the watchers of challenge {}; trying again", e.getKey(), ex);
      }
    }
  }

  private void tick(String challengeId, Board board) {
    long version = leaderboard.version(challengeId);
    Instant now = clock.instant();
    if (version == board.shownVersion || now.isBefore(board.shownAt.plus(minInterval))) {
      return;
    }
    board.shownVersion = version;
    board.shownAt = now;
    show(catalog.get(challengeId), List.copyOf(board.watches));
  }

  private void show(Challenge challenge, List<Watch> watches) {
    if (watches.isEmpty()) {
      return;
    }
    String id = challenge.challengeId();
    int maxTop = watches.stream().mapToInt(Watch::top).max().orElse(1);
    List<RankedEntry> top = LeaderboardQueries.ranked(challenge, 0, leaderboard.range(id, 0, maxTop - 1));
    Map<String, Leaderboard.Place> places = leaderboard.places(id,
        watches.stream().map(Watch::athleteId).distinct().toList());
    long size = leaderboard.size(id);
    Instant asOf = clock.instant();
    for (Watch w : watches) {
      Leaderboard.Place place = places.get(w.athleteId());
      RankedEntry me = place == null ? null
          : new RankedEntry(place.rank() + 1, w.athleteId(), ScoreKey.decode(challenge, place.key()));
      w.watcher().show(new BoardView(top.subList(0, Math.min(w.top(), top.size())), me, size, asOf));
    }
  }

  @Override
  public void close() {
    ticker.shutdownNow();
  }
}
