package io.fitmesh.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.Timestamp;
import io.fitmesh.bff.v1.MobileChallengeServiceGrpc;
import io.fitmesh.bff.v1.WatchLeaderboardRequest;
import io.fitmesh.bff.v1.WatchLeaderboardResponse;
import io.fitmesh.challenge.v1.LeaderboardEntry;
import io.fitmesh.app.simulate.Simulation;
import io.fitmesh.commerce.partner.ReferenceCatalogue;
import io.fitmesh.infra.InfraLauncher;
import io.fitmesh.infra.LocalPorts;
import io.fitmesh.platform.auth.DevTokens;
import io.fitmesh.platform.client.GrpcChannels;
import io.fitmesh.platform.client.MobileClient;
import io.fitmesh.platform.config.Backends;
import io.fitmesh.platform.config.PlatformConfig;
import io.fitmesh.telemetry.v1.Sample;
import io.fitmesh.telemetry.v1.StreamSamplesRequest;
import io.fitmesh.telemetry.v1.StreamSamplesResponse;
import io.fitmesh.telemetry.v1.TelemetryIngestServiceGrpc;
import io.fitmesh.testkit.RealInfra;
import io.fitmesh.testkit.TcpRelay;
import io.grpc.Context;
import io.grpc.stub.StreamObserver;
import io.opentelemetry.api.OpenTelemetry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Scenarios 1 to 4 once more with every deployable in its own JVM, as `fitmesh run --processes` and a cluster run
 * them (two training, two challenge and two social instances, called in turn), on real Pulsar, CQL server and
 * Redis (reached through a relay that can slow or cut the link): through the BFF's JSON API as the app does, and
 * over native gRPC as a wearable and a live board do. Last, the fault suite: under a steady mixed load of
 * recording, finishing, joining and feed reading, one instance of each of training, challenge and social is
 * killed (-9), the link to Redis is slowed and then cut, and Redis, the CQL server and Pulsar are restarted.
 */
@ExtendWith(RealInfra.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProcessesScenariosTest {
  /** What consumers in other processes build in their own time: a generous bound for slow machines. */
  private static final Duration EVENTUALLY = Duration.ofSeconds(45);

  private static final InfraLauncher launcher = InfraLauncher.forCheckout(System.out);
  private static FakePushServices push;
  private static TcpRelay redisLink;
  private static ReferenceCatalogue catalogue;
  private static ProcessCluster cluster;
  private static DevTokens tokens;
  private static GrpcChannels channels;

  private final String run = UUID.randomUUID().toString().substring(0, 6);

  @BeforeAll
  static void startEveryDeployableAsItsOwnProcess() throws Exception {
    assumeTrue(RealInfra.launcherManaged(), "the processes run against the launcher's local servers");
    push = new FakePushServices();
    catalogue = new ReferenceCatalogue();
    catalogue.start(0);
    redisLink = TcpRelay.to(LocalPorts.REDIS);
    Map<String, String> settings = new HashMap<>(push.settings());
    settings.put("FITMESH_COMMERCE_PARTNERS", catalogue.partnersSetting());
    settings.put("FITMESH_REDIS_ADDRESS", "redis://" + redisLink.endpoint());
    // every workout of the fault suite's load must fit in the follower's timeline, however fast the machine
    settings.put("FITMESH_TIMELINE_CAP", "10000");
    cluster = ProcessCluster.start(Backends.LOCAL, settings, Map.of("training", 2, "challenge", 2, "social", 2),
        ProcessCluster.anyFreePorts(), Path.of("target/processes"), Duration.ofMinutes(4), System.out);
    tokens = new DevTokens(PlatformConfig.DEV_JWT_SECRET, Duration.ofSeconds(30), Duration.ofHours(24),
        Clock.systemUTC());
    channels = new GrpcChannels(OpenTelemetry.noop(), Duration.ofSeconds(30));
  }

  @AfterAll
  static void stopThem() throws Exception {
    try {
      if (cluster != null) {
        launcher.resume(InfraLauncher.ALL); // in case the fault suite failed with a server stopped
      }
    } finally {
      for (AutoCloseable open : new AutoCloseable[] {cluster, redisLink, catalogue, push}) {
        if (open != null) {
          open.close();
        }
      }
    }
  }

  @Test
  void aRunStreamedByAWearable_isStoredWhole_summarised_andCountedOnce() throws Exception {
    MobileClient app = app("runner");
    String workoutId = UUID.randomUUID().toString();
    Instant start = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
    assertThat(app.postRetrying("/v1/workouts", Map.of("workoutId", workoutId, "sport", "SPORT_RUN",
        "startTime", start.toString(), "timeZone", "UTC", "visibility", "VISIBILITY_ONLY_ME"), EVENTUALLY).status())
        .isEqualTo(200);

    StreamSamplesResponse streamed = streamFromAWearable(token("runner"), workoutId, start, 1200);
    assertThat(streamed.getReport().getDurableThroughSeq()).isEqualTo(1199);

    MobileClient.Reply finished = app.postRetrying("/v1/workouts/" + workoutId + ":finish", Map.of(), EVENTUALLY);
    assertThat(finished.status()).as(finished.body().toString()).isEqualTo(200);
    assertThat(finished.body().at("/workout/summary/sampleCount").asText()).isEqualTo("1200");
    assertThat(finished.body().at("/workout/summary/distanceM").asDouble()).isBetween(3500.0, 3700.0);
    await().atMost(EVENTUALLY).untilAsserted(() -> {
      JsonNode allTime = app.get("/v1/athletes/me/stats").body().at("/stats/allTime/0");
      assertThat(allTime.at("/count").asText()).isEqualTo("1");
    });
  }

  @Test
  void aFollowersFeedAndPhone_getTheFinishedWorkout() {
    MobileClient alice = app("alice");
    MobileClient bob = app("bob");
    assertThat(alice.get("/v1/feed").status()).as("alice uses social, so others can follow her").isEqualTo(200);
    MobileClient.Reply followed = bob.postRetrying("/v1/athletes/" + id("alice") + ":follow", Map.of(),
        EVENTUALLY);
    assertThat(followed.body().at("/state").asText()).as(followed.body().toString()).isEqualTo("FOLLOW_STATE_FOLLOWING");
    String phone = "android-" + run;
    assertThat(bob.postRetrying("/v1/devices", Map.of("platform", "DEVICE_PLATFORM_FCM", "token", phone),
        EVENTUALLY).status()).isEqualTo(200);

    String workoutId = record(alice, "VISIBILITY_EVERYONE", Instant.now().minus(Duration.ofHours(1)), 600, 3.0);

    await().atMost(EVENTUALLY).until(() ->
        bob.get("/v1/feed").body().at("/cards").findValuesAsText("workoutId").contains(workoutId));
    await().atMost(EVENTUALLY).until(() -> push.fcm.contains(
        new FakePushServices.FcmPush(phone, id("alice") + " finished a workout")));
  }

  @Test
  void anAthletesRecommendations_followTheirTraining() {
    MobileClient alice = app("reco");
    for (int daysAgo : List.of(3, 2, 1)) {
      record(alice, "VISIBILITY_ONLY_ME", Instant.now().minus(Duration.ofDays(daysAgo)), 600, 3.4);
    }

    await().atMost(EVENTUALLY).untilAsserted(() -> {
      MobileClient.Reply screen = alice.get("/v1/athletes/me/recommendations?timeZone=UTC");
      assertThat(screen.status()).as(screen.body().toString()).isEqualTo(200);
      assertThat(screen.body().at("/recommendations/load/acute").asDouble()).as("training's analytics reached reco")
          .isPositive();
    });
  }

  @Test
  void aChallengesBoard_andALiveWatch_showTheRightOrder_withTwoChallengeInstances() throws Exception {
    MobileClient anna = app("anna");
    MobileClient bob = app("bob");
    String challengeId = createChallenge(anna);
    for (MobileClient app : List.of(anna, bob)) {
      assertThat(app.postRetrying("/v1/challenges/" + challengeId + ":join", Map.of(), EVENTUALLY).status())
          .isEqualTo(200);
    }
    AtomicReference<WatchLeaderboardResponse> watched = new AtomicReference<>();
    Context.CancellableContext watch = Context.current().withCancellation();
    try {
      watch.run(() -> channels.streamingStub(cluster.endpoint("bff"),
              MobileChallengeServiceGrpc.MobileChallengeServiceStub.class, token("bob"))
          .watchLeaderboard(WatchLeaderboardRequest.newBuilder().setChallengeId(challengeId).setTop(3).build(),
              observer(watched::set)));
      await().atMost(EVENTUALLY).until(() -> watched.get() != null);

      Instant start = Instant.now().minus(Duration.ofMinutes(90)).truncatedTo(ChronoUnit.SECONDS);
      record(anna, "VISIBILITY_ONLY_ME", start, 1000, 3.0);
      record(bob, "VISIBILITY_ONLY_ME", start.plusSeconds(60), 1500, 3.3);

      List<String> expected = List.of(id("bob"), id("anna"));
      await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(anna.get("/v1/challenges/" + challengeId
          + "/leaderboard").body().get("entries").findValuesAsText("athleteId")).isEqualTo(expected));
      await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(watched.get().getTopList())
          .extracting(LeaderboardEntry::getAthleteId).isEqualTo(expected));
    } finally {
      watch.cancel(null);
    }
  }

  /**
   * Last: the fault suite. Under a steady mixed load one fault after another; after them all nothing is lost or
   * counted twice anywhere, and every call was answered 200 or told to retry (503/504), never 500.
   */
  @Test
  @Order(Integer.MAX_VALUE)
  void underASteadyMixedLoad_killsPartitionsAndRestarts_loseNothing_countNothingTwice_andAnswerRetryably()
      throws Exception {
    Simulation load = Simulation.start(this::appOf, id("sim"), 3);
    List<String> recorders = load.athletes();
    String reader = load.follower();
    String challengeId = load.challengeId();
    FaultDiary diary = new FaultDiary(load, Duration.ofMinutes(4));
    try {
      diary.inflict("none (the load warming up)", () -> { });
      diary.inflict("kill -9 social#2 (feeds, fan-out consumer)", () -> kill("social#2"));
      diary.inflict("kill -9 training#2", () -> kill("training#2"));
      diary.inflict("kill -9 challenge#2 (board consumer)", () -> kill("challenge#2"));
      diary.inflict("+300 ms each way between the services and Redis for 10 s", () -> {
        redisLink.latency(Duration.ofMillis(300));
        Thread.sleep(10_000);
        redisLink.latency(Duration.ZERO);
      });
      diary.inflict("partition between the services and Redis for 8 s", () -> {
        redisLink.partition();
        Thread.sleep(8_000);
        redisLink.heal();
      });
      diary.inflict("Redis stopped, restarted on its data", () -> restart("redis"));
      diary.inflict("CQL server stopped, restarted on its data", () -> restart("cql"));
      diary.inflict("Pulsar stopped, restarted on its data", () -> restart("pulsar"));
    } finally {
      load.close();
    }

    assertThat(load.failures()).as("calls that never got 200").isEmpty();
    assertThat(load.answers().keySet()).as("answers by status (-1: none within the client's 10 s): "
        + load.answers()).isSubsetOf(200, 503, 504, -1);
    List<Simulation.Finished> finished = load.finished();
    assertThat(finished).allSatisfy(workout ->
        assertThat(workout.sampleCount()).as("every acknowledged sample stored, once")
            .isEqualTo(Simulation.SAMPLES_PER_WORKOUT));
    Map<String, List<Simulation.Finished>> byAthlete = finished.stream()
        .collect(Collectors.groupingBy(Simulation.Finished::athleteId));
    assertThat(byAthlete.keySet()).containsExactlyInAnyOrderElementsOf(recorders);
    await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
      for (String recorder : recorders) {
        List<Simulation.Finished> own = byAthlete.get(recorder);
        assertThat(appOf(recorder).get("/v1/athletes/me/stats").body().at("/stats/allTime/0/count").asInt())
            .as("analytics counts each of %s's workouts once", recorder).isEqualTo(own.size());
        JsonNode mine = appOf(recorder).get("/v1/challenges/" + challengeId + "/leaderboard/me").body();
        assertThat(mine.at("/me/score").asDouble()).as("the board counts each of %s's workouts once", recorder)
            .isCloseTo(own.stream().mapToDouble(Simulation.Finished::distanceM).sum(), within(1.0));
        assertThat(mine.at("/participantCount").asLong()).as("every join is on the board")
            .isEqualTo(recorders.size() + load.joiners().size());
      }
      assertThat(feed(reader)).as("the follower's feed shows each finished workout once")
          .containsExactlyInAnyOrderElementsOf(finished.stream().map(Simulation.Finished::workoutId).toList());
    });
    diary.write(Path.of("target/faults-under-load.md"), String.format(
        "Totals: %d calls %s; %d workouts finished (%d samples), %d joins; lost 0, duplicates 0.",
        load.calls(), load.answers(), finished.size(), finished.size() * (long) Simulation.SAMPLES_PER_WORKOUT,
        load.joiners().size()));
  }

  private static void restart(String server) throws Exception {
    launcher.down(List.of(server));
    Thread.sleep(3_000);
    launcher.resume(List.of(server));
  }

  /** Every workout id in the athlete's feed, page by page (a repeated id shows as a duplicate). */
  private List<String> feed(String athleteId) {
    List<String> ids = new ArrayList<>();
    String page = "";
    do {
      JsonNode cards = appOf(athleteId).get("/v1/feed?page_size=50&page_token=" + page).body();
      ids.addAll(cards.at("/cards").findValuesAsText("workoutId"));
      page = cards.at("/nextPageToken").asText();
    } while (!page.isEmpty());
    return ids;
  }

  private static void kill(String label) throws InterruptedException {
    ProcessCluster.Instance victim = cluster.instances().stream()
        .filter(instance -> instance.label().equals(label)).findFirst().orElseThrow();
    assertThat(victim.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS)).as("kill -9 " + label).isTrue();
  }

  private static String createChallenge(MobileClient creator) {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    MobileClient.Reply created = creator.postRetrying("/v1/challenges", Map.of("requestId",
        UUID.randomUUID().toString(), "challenge", Map.of("title", "Run week", "goalKind", "GOAL_KIND_TOTAL_DISTANCE",
            "goalTarget", 50_000, "sports", List.of("SPORT_RUN"), "timeZone", "UTC",
            "startDate", date(today.minusDays(1)), "endDate", date(today.plusDays(6)))), EVENTUALLY);
    assertThat(created.status()).as(created.body().toString()).isEqualTo(200);
    return created.body().at("/challenge/challengeId").asText();
  }

  private String id(String name) {
    return name + "-" + run;
  }

  private String token(String name) {
    return tokens.mint(id(name), Duration.ofHours(1));
  }

  private MobileClient app(String name) {
    return appOf(id(name));
  }

  private MobileClient appOf(String athleteId) {
    return new MobileClient(cluster.endpoint("bff"), tokens.mint(athleteId, Duration.ofHours(1)));
  }

  /**
   * Starts, uploads and finishes a straight run as the app does, sending a call again when told to retry (a slow
   * machine running every deployable in its own JVM can miss a 5 s deadline); returns its id.
   */
  private static String record(MobileClient app, String visibility, Instant start, int seconds, double speed) {
    String workoutId = UUID.randomUUID().toString();
    List<Map<String, Object>> samples = ChallengeScenario.straightRun(start.truncatedTo(ChronoUnit.SECONDS), seconds,
        speed);
    MobileClient.Reply started = app.postRetrying("/v1/workouts", Map.of("workoutId", workoutId, "sport",
        "SPORT_RUN", "startTime", samples.get(0).get("time"), "timeZone", "UTC", "visibility", visibility),
        EVENTUALLY);
    assertThat(started.status()).as(started.body().toString()).isEqualTo(200);
    for (int from = 0; from < samples.size(); from += 500) {
      MobileClient.Reply uploaded = app.postRetrying("/v1/workouts/" + workoutId + "/samples",
          Map.of("samples", samples.subList(from, Math.min(samples.size(), from + 500))), EVENTUALLY);
      assertThat(uploaded.status()).as(uploaded.body().toString()).isEqualTo(200);
    }
    MobileClient.Reply finished = app.postRetrying("/v1/workouts/" + workoutId + ":finish", Map.of(), EVENTUALLY);
    assertThat(finished.status()).as(finished.body().toString()).isEqualTo(200);
    return workoutId;
  }

  /** A wearable's client stream straight to telemetry, in batches of 100, closed at the end. */
  private static StreamSamplesResponse streamFromAWearable(String token, String workoutId, Instant start, int count)
      throws Exception {
    CompletableFuture<StreamSamplesResponse> done = new CompletableFuture<>();
    StreamObserver<StreamSamplesRequest> stream = channels.streamingStub(cluster.endpoint("telemetry"),
        TelemetryIngestServiceGrpc.TelemetryIngestServiceStub.class, token).streamSamples(observer(done::complete,
            done::completeExceptionally));
    for (int from = 0; from < count; from += 100) {
      StreamSamplesRequest.Builder batch = StreamSamplesRequest.newBuilder().setWorkoutId(workoutId);
      for (int seq = from; seq < Math.min(count, from + 100); seq++) {
        batch.addSamples(Sample.newBuilder().setSeq(seq)
            .setTime(Timestamp.newBuilder().setSeconds(start.getEpochSecond() + seq))
            .setLatitudeDeg(46.0 + seq * 3.0 / 111_195.0).setLongitudeDeg(14.5).setHeartRateBpm(150));
      }
      stream.onNext(batch.build());
    }
    stream.onCompleted();
    return done.get(60, TimeUnit.SECONDS);
  }

  private static Map<String, Integer> date(LocalDate day) {
    return Map.of("year", day.getYear(), "month", day.getMonthValue(), "day", day.getDayOfMonth());
  }

  private static <T> StreamObserver<T> observer(java.util.function.Consumer<T> onNext) {
    return observer(onNext, error -> { });
  }

  private static <T> StreamObserver<T> observer(java.util.function.Consumer<T> onNext,
      java.util.function.Consumer<Throwable> onError) {
    return new StreamObserver<>() {
      @Override
      public void onNext(T value) {
        onNext.accept(value);
      }

      @Override
      public void onError(Throwable t) {
        onError.accept(t);
      }

      @Override
      public void onCompleted() {}
    };
  }
}
