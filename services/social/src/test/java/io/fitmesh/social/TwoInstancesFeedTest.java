package io.fitmesh.social;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fitmesh.common.v1.LatLng;
import io.fitmesh.common.v1.Sport;
import io.fitmesh.common.v1.Visibility;
import io.fitmesh.platform.config.Backends;
import io.fitmesh.platform.config.PlatformConfig;
import io.fitmesh.platform.grpc.ProtoTime;
import io.fitmesh.platform.runtime.PlatformRuntime;
import io.fitmesh.social.domain.Card;
import io.fitmesh.social.domain.Page;
import io.fitmesh.testkit.RealInfra;
import io.fitmesh.training.v1.TrainingCompleted;
import io.fitmesh.training.v1.Workout;
import io.fitmesh.training.v1.WorkoutState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.redisson.client.codec.StringCodec;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two social instances share the Key_Shared subscriptions over real Pulsar, CQL and Redis: every follower's home
 * feed is exactly the workouts of the athletes they follow, newest first, with a celebrity (threshold lowered to
 * 20 followers) merged at read; then Redis loses everything and the feeds, rebuilt from CQL on their next read,
 * are the same again.
 */
@ExtendWith(RealInfra.class)
class TwoInstancesFeedTest {
  private static final int AUTHORS = 8;
  private static final int FOLLOWERS = 40;
  private static final int WORKOUTS = 60;

  @Test
  void twoInstances_fanOutTheFeedsOneWouldHave_andRedisLossIsRebuiltIdentically() throws Exception {
    PlatformConfig config = PlatformConfig.from(RealInfra.settings().withOverrides(
        Map.of("FITMESH_CELEBRITY_FOLLOWERS", "20")), Backends.LOCAL);
    try (PlatformRuntime runtimeA = PlatformRuntime.open(config, "social-a");
        PlatformRuntime runtimeB = PlatformRuntime.open(config, "social-b");
        SocialDeployable a = new SocialDeployable(runtimeA);
        SocialDeployable b = new SocialDeployable(runtimeB)) {
      String run = UUID.randomUUID().toString().substring(0, 6);
      Random random = new Random(7);
      List<String> authors = new ArrayList<>();
      for (int i = 0; i < AUTHORS; i++) {
        authors.add("author-" + run + "-" + i);
        a.follows().know(authors.get(i));
      }
      String celebrity = authors.get(0);
      Map<String, Set<String>> following = new HashMap<>();
      for (int f = 0; f < FOLLOWERS; f++) {
        String follower = "fan-" + run + "-" + f;
        a.follows().know(follower);
        Set<String> mine = new HashSet<>();
        if (f < 25) {
          mine.add(celebrity);
        }
        mine.add(authors.get(1 + random.nextInt(AUTHORS - 1)));
        mine.add(authors.get(1 + random.nextInt(AUTHORS - 1)));
        for (String author : mine) {
          (f % 2 == 0 ? a : b).follows().follow(follower, author);
        }
        following.put(follower, mine);
        (f % 2 == 0 ? a : b).feeds().home(follower, null, 10);
      }

      Map<String, Workout> workouts = new HashMap<>();
      List<CompletableFuture<String>> sent = new ArrayList<>();
      Instant start = Instant.now().minus(Duration.ofDays(1));
      for (int w = 0; w < WORKOUTS; w++) {
        String author = authors.get(random.nextInt(AUTHORS));
        Workout workout = workout(author, start.plusSeconds(60L * random.nextInt(600)));
        workouts.put(workout.getWorkoutId(), workout);
        sent.add(runtimeA.events().publish("training.completed", author,
            TrainingCompleted.newBuilder().setWorkout(workout).build()));
        if (w % 7 == 0) {
          sent.add(runtimeB.events().publish("training.completed", author,
              TrainingCompleted.newBuilder().setWorkout(workout).build()));
        }
      }
      CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();

      Map<String, List<String>> expected = new HashMap<>();
      following.forEach((follower, authorsFollowed) -> expected.put(follower, workouts.values().stream()
          .filter(w -> authorsFollowed.contains(w.getAthleteId()))
          .sorted(Comparator.comparing((Workout w) -> ProtoTime.toInstant(w.getStartTime())).reversed()
              .thenComparing(Workout::getWorkoutId, Comparator.reverseOrder()))
          .map(Workout::getWorkoutId).toList()));

      // Each instance learns of a new celebrity within its celebrity cache's 10 s.
      for (SocialDeployable instance : List.of(a, b)) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
            expected.forEach((follower, ids) -> assertThat(allPages(instance, follower)).as(follower).isEqualTo(ids)));
      }
      String fan = followerOf(following, celebrity);
      assertThat(runtimeA.redis().orElseThrow().<String>getScoredSortedSet("fitmesh:tl:{" + fan + "}",
          StringCodec.INSTANCE).readAll())
          .as("a celebrity's workouts are pulled, not fanned out").isNotEmpty()
          .noneMatch(member -> member.endsWith("|" + celebrity));
      assertThat(expected.get(fan)).as("yet they are in the feed")
          .anyMatch(id -> workouts.get(id).getAthleteId().equals(celebrity));

      runtimeA.redis().orElseThrow().getKeys().flushall();
      expected.forEach((follower, ids) -> assertThat(allPages(b, follower)).as(follower + " rebuilt").isEqualTo(ids));
    }
  }

  private static String followerOf(Map<String, Set<String>> following, String author) {
    return following.entrySet().stream().filter(e -> e.getValue().contains(author)).findFirst().orElseThrow().getKey();
  }

  private static List<String> allPages(SocialDeployable instance, String follower) {
    List<String> ids = new ArrayList<>();
    String next = null;
    do {
      Page<Card> page = instance.feeds().home(follower, next, 7);
      page.items().forEach(c -> ids.add(c.activity().workoutId()));
      next = page.next();
    } while (next != null);
    return ids;
  }

  private static Workout workout(String author, Instant start) {
    Workout.Builder w = Workout.newBuilder().setWorkoutId(UUID.randomUUID().toString()).setAthleteId(author)
        .setSport(Sport.SPORT_RUN).setStartTime(ProtoTime.toTimestamp(start)).setTimeZone("UTC")
        .setVisibility(Visibility.VISIBILITY_EVERYONE).setState(WorkoutState.WORKOUT_STATE_FINISHED).setTitle("Run");
    w.getSummaryBuilder().setDistanceM(5000).setMovingS(1500)
        .addRoute(LatLng.newBuilder().setLatitudeDeg(46.05).setLongitudeDeg(14.5))
        .addRoute(LatLng.newBuilder().setLatitudeDeg(46.06).setLongitudeDeg(14.5));
    return w.build();
  }
}
