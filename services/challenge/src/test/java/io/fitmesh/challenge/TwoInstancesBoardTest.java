package io.fitmesh.challenge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fitmesh.challenge.adapters.InMemoryChallengeStore;
import io.fitmesh.challenge.adapters.InMemoryLeaderboard;
import io.fitmesh.challenge.domain.BoardProjector;
import io.fitmesh.challenge.domain.Challenge;
import io.fitmesh.challenge.domain.ChallengeCatalog;
import io.fitmesh.challenge.domain.ChallengeEvents;
import io.fitmesh.challenge.domain.ProgressUpdate;
import io.fitmesh.challenge.domain.ChallengeService;
import io.fitmesh.challenge.domain.GoalKind;
import io.fitmesh.challenge.domain.LeaderboardQueries;
import io.fitmesh.challenge.domain.Participant;
import io.fitmesh.challenge.domain.RankedEntry;
import io.fitmesh.challenge.domain.ScoreKey;
import io.fitmesh.challenge.domain.Sport;
import io.fitmesh.challenge.codec.ChallengeProtos;
import io.fitmesh.common.v1.LatLng;
import io.fitmesh.platform.grpc.ProtoTime;
import io.fitmesh.platform.runtime.PlatformRuntime;
import io.fitmesh.testkit.RealInfra;
import io.fitmesh.training.v1.PlausibilityFlag;
import io.fitmesh.training.v1.TrainingCompleted;
import io.fitmesh.training.v1.TrainingDeleted;
import io.fitmesh.training.v1.Workout;
import io.fitmesh.training.v1.WorkoutState;
import io.fitmesh.training.v1.WorkoutSummary;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.redisson.api.RedissonClient;

/**
 * Two instances of the challenge service share the Key_Shared subscriptions over real Pulsar, CQL and Redis;
 * the board they build from a stream of finished, replayed, flagged and deleted workouts is exactly the board
 * a single instance of the same rules builds (the in-memory twin, fed the same events in order). Then Redis
 * loses everything and the board rebuilt from CQL is identical again.
 */
@ExtendWith(RealInfra.class)
class TwoInstancesBoardTest {
  private static final int ATHLETES = 60;
  private static final int WORKOUTS_EACH = 5;

  @Test
  void twoInstances_buildTheBoardOneInstanceBuilds_andRedisLossIsRebuiltFromCql() throws Exception {
    try (PlatformRuntime runtimeA = PlatformRuntime.open(RealInfra.config(), "challenge-a");
        PlatformRuntime runtimeB = PlatformRuntime.open(RealInfra.config(), "challenge-b");
        ChallengeDeployable a = new ChallengeDeployable(runtimeA);
        ChallengeDeployable b = new ChallengeDeployable(runtimeB)) {
      LocalDate today = LocalDate.now(ZoneOffset.UTC);
      Challenge draft = new Challenge("", "Two instances", "", GoalKind.TOTAL_DISTANCE, 0, 0, Set.of(Sport.RUN),
          today, today.plusDays(6), ZoneOffset.UTC, null, "", "", null);
      Challenge challenge = a.challenges().create("creator", draft, UUID.randomUUID().toString());
      Reference reference = new Reference(challenge);
      String run = UUID.randomUUID().toString().substring(0, 8);
      List<String> athletes = new ArrayList<>();
      for (int i = 0; i < ATHLETES; i++) {
        String athlete = "two-" + run + "-" + i;
        athletes.add(athlete);
        Instant joined = (i % 2 == 0 ? a : b).challenges().join(athlete, challenge.challengeId())
            .participant().joinTime();
        reference.now.set(joined);
        reference.service.join(athlete, challenge.challengeId());
      }

      Random random = new Random(42);
      List<Workout> workouts = new ArrayList<>();
      for (String athlete : athletes) {
        for (int w = 0; w < WORKOUTS_EACH; w++) {
          workouts.add(workout(athlete, challenge.startTime().plusSeconds(3600L * (w + 1) + random.nextInt(600)),
              1000 + random.nextInt(20_000), w == 3 && random.nextBoolean()));
        }
      }
      List<CompletableFuture<String>> sent = new ArrayList<>();
      for (Workout w : workouts) {
        sent.add(runtimeA.events().publish("training.completed", w.getAthleteId(),
            TrainingCompleted.newBuilder().setWorkout(w).build()));
        reference.service.onWorkoutCompleted(ChallengeProtos.finished(w));
        if (random.nextInt(5) == 0) {
          sent.add(runtimeB.events().publish("training.completed", w.getAthleteId(),
              TrainingCompleted.newBuilder().setWorkout(w).build()));
        }
      }
      CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
      awaitSameBoard(a, reference, challenge);

      for (Workout w : workouts.subList(0, workouts.size() / 4)) {
        runtimeB.events().publish("training.deleted", w.getAthleteId(), TrainingDeleted.newBuilder()
            .setAthleteId(w.getAthleteId()).setWorkoutId(w.getWorkoutId()).build()).join();
        reference.service.onWorkoutDeleted(w.getAthleteId(), w.getWorkoutId());
      }
      awaitSameBoard(b, reference, challenge);

      RedissonClient redis = runtimeA.redis().orElseThrow();
      redis.getKeys().flushall();
      assertThat(a.boards().size(challenge.challengeId())).isZero();
      assertThat(a.rebuildBoard(challenge.challengeId())).isEqualTo(ATHLETES);
      assertThat(board(b.boards(), challenge)).isEqualTo(board(reference.boards, challenge));
    }
  }

  private static void awaitSameBoard(ChallengeDeployable instance, Reference reference, Challenge challenge) {
    List<RankedEntry> expected = board(reference.boards, challenge);
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
        .untilAsserted(() -> assertThat(board(instance.boards(), challenge)).isEqualTo(expected));
  }

  private static List<RankedEntry> board(LeaderboardQueries boards, Challenge challenge) {
    return boards.page(challenge.challengeId(), 0, ATHLETES + 10);
  }

  private static Workout workout(String athlete, Instant start, double distanceM, boolean flagged) {
    WorkoutSummary.Builder summary = WorkoutSummary.newBuilder()
        .setEndTime(ProtoTime.toTimestamp(start.plusSeconds((long) (distanceM / 3))))
        .setDistanceM(distanceM)
        .setMovingS(distanceM / 3)
        .setStartPosition(LatLng.newBuilder().setLatitudeDeg(45.2).setLongitudeDeg(13.9));
    if (flagged) {
      summary.addPlausibilityFlags(PlausibilityFlag.newBuilder().setRule("vehicle").setReason("car-like"));
    }
    return Workout.newBuilder()
        .setWorkoutId(UUID.randomUUID().toString())
        .setAthleteId(athlete)
        .setSport(io.fitmesh.common.v1.Sport.SPORT_RUN)
        .setStartTime(ProtoTime.toTimestamp(start))
        .setTimeZone("UTC")
        .setState(WorkoutState.WORKOUT_STATE_FINISHED)
        .setSummary(summary)
        .build();
  }

  /**
   * One instance of the same rules on the in-memory twins, applying every event at once and in order; its
   * clock is set to each real join's time, since athletes without a score rank by when they joined.
   */
  private static final class Reference {
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());
    final ChallengeService service;
    final LeaderboardQueries boards;

    Reference(Challenge challenge) {
      InMemoryChallengeStore store = new InMemoryChallengeStore(new io.fitmesh.platform.events.InMemoryOutboxStore());
      store.create(challenge, challenge.challengeId());
      InMemoryLeaderboard leaderboard = new InMemoryLeaderboard();
      BoardProjector projector = new BoardProjector(leaderboard);
      ChallengeCatalog catalog = new ChallengeCatalog(store);
      ChallengeEvents events = new ChallengeEvents() {
        @Override
        public io.fitmesh.platform.domain.PendingEvent joined(Challenge c, Participant p) {
          return io.fitmesh.challenge.domain.Fixtures.event("challenge.joined", c.challengeId());
        }

        @Override
        public io.fitmesh.platform.domain.PendingEvent left(String challengeId, String athleteId) {
          return io.fitmesh.challenge.domain.Fixtures.event("challenge.left", challengeId);
        }

        @Override
        public io.fitmesh.platform.domain.PendingEvent progressed(ProgressUpdate u) {
          projector.apply(List.of(new BoardProjector.ScoreChange(u.challenge().challengeId(),
              u.participant().athleteId(), ScoreKey.of(u.challenge(), u.participant().score()))));
          return io.fitmesh.challenge.domain.Fixtures.event("challenge.progress", u.challenge().challengeId());
        }

        @Override
        public void flush() {}
      };
      Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now.get();
        }
      };
      service = new ChallengeService(store, catalog, leaderboard, events, (club, athlete) -> false, clock);
      boards = new LeaderboardQueries(catalog, leaderboard);
    }
  }
}
