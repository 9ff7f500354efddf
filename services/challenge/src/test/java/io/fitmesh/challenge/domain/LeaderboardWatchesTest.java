package io.fitmesh.challenge.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fitmesh.challenge.adapters.InMemoryChallengeStore;
import io.fitmesh.challenge.adapters.InMemoryLeaderboard;
import io.fitmesh.platform.events.InMemoryOutboxStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class LeaderboardWatchesTest {
  private static final Duration NEVER = Duration.ofHours(1);

  private final InMemoryChallengeStore store = new InMemoryChallengeStore(new InMemoryOutboxStore());
  private final InMemoryLeaderboard boards = new InMemoryLeaderboard();
  private final List<BoardView> shown = new CopyOnWriteArrayList<>();
  private final Challenge challenge = store.create(
      Fixtures.november("challenge-1", GoalKind.TOTAL_DISTANCE, Set.of(Sport.RUN)), "request-1");

  @Test
  void aChange_isShownOnItsNotice_withoutWaitingForAVersionCheck() throws Exception {
    boards.addIfAbsent(challenge.challengeId(), "anna", 5);
    try (LeaderboardWatches watches = new LeaderboardWatches(new ChallengeCatalog(store), boards,
        Clock.systemUTC(), Duration.ZERO, NEVER);
        AutoCloseable watching = watches.watch(challenge.challengeId(), "anna", 3, shown::add)) {
      boards.addIfAbsent(challenge.challengeId(), "bob", 9);

      await().atMost(Duration.ofSeconds(10)).until(() -> leader().equals("bob"));
    }
  }

  @Test
  void aBurstOfChanges_costsAtMostOneReadPerGap_andEndsOnTheLastBoard() throws Exception {
    Duration gap = Duration.ofMillis(500);
    CountingBoard counting = new CountingBoard(boards);
    try (LeaderboardWatches watches = new LeaderboardWatches(new ChallengeCatalog(store), counting,
        Clock.systemUTC(), gap, NEVER);
        AutoCloseable watching = watches.watch(challenge.challengeId(), "anna", 3, shown::add)) {
      long started = System.nanoTime();
      for (int i = 0; i < 2000; i++) {
        boards.addIfAbsent(challenge.challengeId(), "athlete-" + i, i);
      }
      long burstMs = (System.nanoTime() - started) / 1_000_000;

      await().atMost(Duration.ofSeconds(10)).until(() -> leader().equals("athlete-1999"));
      assertThat((long) counting.reads).as("2,000 changes in %d ms: reads follow the gap, not the changes", burstMs)
          .isLessThanOrEqualTo(5 + 2 * (burstMs / gap.toMillis()));
    }
  }

  @Test
  void aLostNotice_isCaughtByTheVersionCheck() throws Exception {
    boards.addIfAbsent(challenge.challengeId(), "anna", 5);
    Leaderboard deaf = new CountingBoard(boards) {
      @Override
      public AutoCloseable onChange(Consumer<String> changed) {
        return () -> { };
      }
    };
    try (LeaderboardWatches watches = new LeaderboardWatches(new ChallengeCatalog(store), deaf,
        Clock.systemUTC(), Duration.ZERO, Duration.ofMillis(100));
        AutoCloseable watching = watches.watch(challenge.challengeId(), "anna", 3, shown::add)) {
      boards.addIfAbsent(challenge.challengeId(), "bob", 9);

      await().atMost(Duration.ofSeconds(10)).until(() -> leader().equals("bob"));
    }
  }

  @Test
  void aBoardWithManyWatchers_showsSomeWatchersTheChange_whileOtherSlicesAreStillRead() throws Exception {
    int watcherCount = 2 * LeaderboardWatches.SLICE + 1;
    Set<String> sawBob = ConcurrentHashMap.newKeySet();
    AtomicBoolean gateArmed = new AtomicBoolean();
    AtomicBoolean aReadWaitedForNoOne = new AtomicBoolean(true);
    List<Integer> placeReads = new CopyOnWriteArrayList<>();
    java.util.concurrent.atomic.AtomicInteger readsSoFar = new java.util.concurrent.atomic.AtomicInteger();
    Leaderboard gated = new CountingBoard(boards) {
      @Override
      public Map<String, Place> places(String challengeId, List<String> athleteIds) {
        if (gateArmed.get()) {
          int order = readsSoFar.incrementAndGet();
          placeReads.add(athleteIds.size());
          Set<String> thisRead = Set.copyOf(athleteIds);
          if (order > 1
              && awaitQuietly(() -> sawBob.stream().anyMatch(a -> !thisRead.contains(a)))) {
            aReadWaitedForNoOne.set(false);
          }
        }
        return super.places(challengeId, athleteIds);
      }
    };
    boards.addIfAbsent(challenge.challengeId(), "anna", 5);
    List<AutoCloseable> watching = new ArrayList<>();
    try (LeaderboardWatches watches = new LeaderboardWatches(new ChallengeCatalog(store), gated,
        Clock.systemUTC(), Duration.ZERO, NEVER)) {
      for (int i = 0; i < watcherCount; i++) {
        String athlete = "w-" + i;
        watching.add(watches.watch(challenge.challengeId(), athlete, 3, view -> {
          if (view.top().get(0).athleteId().equals("bob")) {
            sawBob.add(athlete);
          }
        }));
      }
      gateArmed.set(true);
      boards.addIfAbsent(challenge.challengeId(), "bob", 9);

      await().atMost(Duration.ofSeconds(30)).until(() -> sawBob.size() == watcherCount);
      assertThat(aReadWaitedForNoOne).as("some place read ran after other watchers were shown the change").isFalse();
      assertThat(placeReads).as("one place read per slice of watchers").hasSize(3)
          .allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(LeaderboardWatches.SLICE));
      for (AutoCloseable w : watching) {
        w.close();
      }
    }
  }

  /** Waits up to 5 s for the condition; whether it held. */
  private static boolean awaitQuietly(java.util.function.BooleanSupplier condition) {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (System.nanoTime() < until) {
      if (condition.getAsBoolean()) {
        return true;
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }

  private String leader() {
    return shown.isEmpty() ? "" : shown.get(shown.size() - 1).top().get(0).athleteId();
  }

  /** Counts the reads of a board's top (one per refresh). */
  private static class CountingBoard implements Leaderboard {
    private final Leaderboard boards;
    volatile int reads;

    CountingBoard(Leaderboard boards) {
      this.boards = boards;
    }

    @Override
    public Placement addIfAbsent(String challengeId, String athleteId, double key) {
      return boards.addIfAbsent(challengeId, athleteId, key);
    }

    @Override
    public void updateExisting(String challengeId, Map<String, Double> keys) {
      boards.updateExisting(challengeId, keys);
    }

    @Override
    public void remove(String challengeId, String athleteId) {
      boards.remove(challengeId, athleteId);
    }

    @Override
    public OptionalLong rank(String challengeId, String athleteId) {
      return boards.rank(challengeId, athleteId);
    }

    @Override
    public Map<String, Place> places(String challengeId, List<String> athleteIds) {
      return boards.places(challengeId, athleteIds);
    }

    @Override
    public List<Entry> range(String challengeId, long from, long to) {
      reads++;
      return boards.range(challengeId, from, to);
    }

    @Override
    public long size(String challengeId) {
      return boards.size(challengeId);
    }

    @Override
    public long countAbove(String challengeId, double key) {
      return boards.countAbove(challengeId, key);
    }

    @Override
    public long version(String challengeId) {
      return boards.version(challengeId);
    }

    @Override
    public AutoCloseable onChange(Consumer<String> changed) {
      return boards.onChange(changed);
    }

    @Override
    public void replace(String challengeId, Map<String, Double> keys) {
      boards.replace(challengeId, keys);
    }
  }
}
