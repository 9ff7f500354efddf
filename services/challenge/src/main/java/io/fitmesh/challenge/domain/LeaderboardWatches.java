package io.fitmesh.challenge.domain;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The watchers of this instance, shown a board as soon as it changes. The board store tells every instance which
 * board changed ({@link Leaderboard#onChange}); the first notice schedules one refresh of that board, and notices
 * that arrive before it runs join it, so a board changing a thousand times a second costs at most one refresh per
 * {@code minGap}, or per the time the last refresh took when that was longer (a board with many watchers never
 * keeps this instance refreshing more than half the time). A refresh reads the top and the size once and the
 * watchers' places in slices of {@link #SLICE} (one read each); up to {@link #SLICE} watchers are read and shown on
 * the refresher's thread, more are split into slices that a small pool reads and shows side by side, so the first
 * phones see the change while later slices are still read. Each watcher's stream keeps only the newest view while
 * its phone is slow. Notices can be lost (pub/sub is at most once), so each board's version is also checked every
 * {@code versionCheck}.
 */
public final class LeaderboardWatches implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LeaderboardWatches.class);
  /**
   * Watchers whose places are read together and then shown by the same thread (the Redis board reads as many
   * places per script, so slicing here costs no extra script).
   */
  public static final int SLICE = 2000;
  private static final int FAN_OUT_THREADS = Math.max(2, Runtime.getRuntime().availableProcessors());

  /** Someone watching a board. */
  public interface Watcher {
    void show(BoardView view);
  }

  private record Watch(String athleteId, int top, Watcher watcher) {}

  private static final class Board {
    final Set<Watch> watches = ConcurrentHashMap.newKeySet();
    final AtomicBoolean scheduled = new AtomicBoolean();
    volatile long shownVersion = -1;
    volatile Instant refreshedAt = Instant.EPOCH;
    volatile Duration lastRefresh = Duration.ZERO;
  }

  private final ChallengeCatalog catalog;
  private final Leaderboard leaderboard;
  private final Clock clock;
  private final Duration minGap;
  private final Map<String, Board> boards = new ConcurrentHashMap<>();
  private final ScheduledExecutorService refresher;
  private final ExecutorService fanOut;
  private final AutoCloseable notices;

  public LeaderboardWatches(ChallengeCatalog catalog, Leaderboard leaderboard, Clock clock, Duration minGap,
      Duration versionCheck) {
    this.catalog = requireNonNull(catalog, "catalog");
    this.leaderboard = requireNonNull(leaderboard, "leaderboard");
    this.clock = requireNonNull(clock, "clock");
    this.minGap = requireNonNull(minGap, "minGap");
    this.refresher = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "leaderboard-watches");
      t.setDaemon(true);
      return t;
    });
    this.fanOut = Executors.newFixedThreadPool(FAN_OUT_THREADS, r -> {
      Thread t = new Thread(r, "leaderboard-fan-out");
      t.setDaemon(true);
      return t;
    });
    this.notices = leaderboard.onChange(this::changed);
    refresher.scheduleWithFixedDelay(this::checkVersions, versionCheck.toMillis(), versionCheck.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /** Shows the watcher the board now and after each change; close the result to stop. NOT_FOUND if unknown. */
  public AutoCloseable watch(String challengeId, String athleteId, int top, Watcher watcher) {
    Challenge challenge = catalog.get(challengeId);
    Watch watch = new Watch(athleteId, top, watcher);
    Board board = boards.computeIfAbsent(challengeId, id -> new Board());
    if (board.shownVersion < 0) {
      board.shownVersion = leaderboard.version(challengeId);
    }
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

  /** A board changed somewhere: refresh it once, soon, unless a refresh is already waiting. */
  private void changed(String challengeId) {
    Board board = boards.get(challengeId);
    if (board == null || !board.scheduled.compareAndSet(false, true)) {
      return;
    }
    Duration gap = board.lastRefresh.compareTo(minGap) > 0 ? board.lastRefresh : minGap;
    Duration wait = Duration.between(clock.instant(), board.refreshedAt.plus(gap));
    try {
      refresher.schedule(() -> refresh(challengeId, board), Math.max(0, wait.toMillis()), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException closed) {
      board.scheduled.set(false);
    }
  }

  private void refresh(String challengeId, Board board) {
    board.scheduled.set(false);
    board.refreshedAt = clock.instant();
    long started = System.nanoTime();
    try {
      board.shownVersion = leaderboard.version(challengeId);
      show(catalog.get(challengeId), List.copyOf(board.watches));
    } catch (RuntimeException e) {
      log.warn("could not refresh the watchers of challenge {}; the next version check tries again", challengeId, e);
      board.shownVersion = -1;
    } finally {
      board.lastRefresh = Duration.ofNanos(System.nanoTime() - started);
    }
  }

  /** The safety net for lost notices: a board whose version moved since it was shown is refreshed. */
  private void checkVersions() {
    for (Map.Entry<String, Board> e : boards.entrySet()) {
      try {
        if (leaderboard.version(e.getKey()) != e.getValue().shownVersion) {
          changed(e.getKey());
        }
      } catch (RuntimeException ex) {
        log.warn("could not check the board of challenge {}; trying again", e.getKey(), ex);
      }
    }
  }

  private void show(Challenge challenge, List<Watch> watches) {
    if (watches.isEmpty()) {
      return;
    }
    String id = challenge.challengeId();
    int maxTop = watches.stream().mapToInt(Watch::top).max().orElse(1);
    List<RankedEntry> top = LeaderboardQueries.ranked(challenge, 0, leaderboard.range(id, 0, maxTop - 1));
    long size = leaderboard.size(id);
    Instant asOf = clock.instant();
    if (watches.size() <= SLICE) {
      showSlice(challenge, top, size, asOf, watches);
      return;
    }
    List<Future<?>> slices = new ArrayList<>();
    for (int from = 0; from < watches.size(); from += SLICE) {
      List<Watch> slice = watches.subList(from, Math.min(watches.size(), from + SLICE));
      slices.add(fanOut.submit(() -> showSlice(challenge, top, size, asOf, slice)));
    }
    awaitAll(slices);
  }

  /** Reads the places of one slice of watchers and shows each of them the board. */
  private void showSlice(Challenge challenge, List<RankedEntry> top, long size, Instant asOf, List<Watch> slice) {
    Map<String, Leaderboard.Place> places = leaderboard.places(challenge.challengeId(),
        slice.stream().map(Watch::athleteId).distinct().toList());
    for (Watch w : slice) {
      Leaderboard.Place place = places.get(w.athleteId());
      RankedEntry me = place == null ? null
          : new RankedEntry(place.rank() + 1, w.athleteId(), ScoreKey.decode(challenge, place.key()));
      w.watcher().show(new BoardView(top.subList(0, Math.min(w.top(), top.size())), me, size, asOf));
    }
  }

  /** Waits for every slice, so refreshes of a board never overlap; the first slice's failure is the refresh's. */
  private static void awaitAll(List<Future<?>> slices) {
    RuntimeException failed = null;
    for (Future<?> slice : slices) {
      try {
        slice.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        slices.forEach(s -> s.cancel(true));
        return;
      } catch (ExecutionException e) {
        if (failed == null) {
          failed = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
      }
    }
    if (failed != null) {
      throw failed;
    }
  }

  @Override
  public void close() {
    try {
      notices.close();
    } catch (Exception e) {
      log.debug("the board change notices did not close cleanly", e);
    }
    refresher.shutdownNow();
    fanOut.shutdownNow();
  }
}
