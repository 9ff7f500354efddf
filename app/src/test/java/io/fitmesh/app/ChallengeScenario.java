package io.fitmesh.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fitmesh.app.simulate.Simulation;
import io.fitmesh.bff.v1.MobileChallengeServiceGrpc;
import io.fitmesh.bff.v1.WatchLeaderboardRequest;
import io.fitmesh.bff.v1.WatchLeaderboardResponse;
import io.fitmesh.challenge.v1.LeaderboardEntry;
import io.fitmesh.platform.client.GrpcChannels;
import io.fitmesh.platform.client.MobileClient;
import io.fitmesh.platform.runtime.PlatformRuntime;
import io.fitmesh.testkit.RealInfra;
import io.fitmesh.training.domain.TrackPoint;
import io.fitmesh.training.imports.WorkoutFiles;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.io.InputStream;
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
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Scenario 4 end to end through the BFF: three athletes join a running challenge and record runs; one of them
 * drives a car (the Visnjan fixture). The board and a live watch stream show the right order within a second of
 * the last finish; the car ride is flagged with its reasons and not counted.
 */
abstract class ChallengeScenario {
  private static final Duration LIVE = Duration.ofSeconds(1);
  /** What consumers build in their own time (statistics): a generous bound for slow machines. */
  private static final Duration EVENTUALLY = Duration.ofSeconds(30);

  private FitmeshNode node;
  private PlatformRuntime runtime;
  private final String run = UUID.randomUUID().toString().substring(0, 6);
  private final Map<String, MobileClient> apps = new HashMap<>();
  private final Map<String, String> tokens = new HashMap<>();

  abstract PlatformRuntime openRuntime();

  @BeforeEach
  void startFitmesh() {
    runtime = openRuntime();
    node = FitmeshNode.start(runtime);
    for (String name : List.of("anna", "bob", "cene")) {
      String athlete = name + "-" + run;
      tokens.put(name, runtime.tokens().mint(athlete, Duration.ofHours(1)));
      apps.put(name, new MobileClient(bff(), tokens.get(name)));
    }
  }

  @AfterEach
  void stopFitmesh() {
    node.close();
  }

  @Test
  void threeAthletes_theBoardAndTheWatchShowTheRightOrderWithinASecond_andTheCarDoesNotCount() throws Exception {
    String challengeId = createChallenge(apps.get("anna"));
    for (MobileClient app : apps.values()) {
      assertThat(app.post("/v1/challenges/" + challengeId + ":join", Map.of()).status()).isEqualTo(200);
    }
    AtomicReference<WatchLeaderboardResponse> watched = new AtomicReference<>();
    ClientCallStreamObserver<?> watch = watch(challengeId, watched);
    try {
      Instant start = Instant.now().minus(Duration.ofMinutes(90)).truncatedTo(ChronoUnit.SECONDS);
      record(apps.get("anna"), straightRun(start, 1000, 3.0));
      record(apps.get("bob"), straightRun(start.plusSeconds(60), 1500, 3.3));
      record(apps.get("cene"), carRide(start.plusSeconds(120)));
      Instant finished = Instant.now();

      List<String> expected = List.of("bob-" + run, "anna-" + run, "cene-" + run);
      await().atMost(LIVE).pollInterval(Duration.ofMillis(20)).untilAsserted(() ->
          assertThat(ids(apps.get("anna").get("/v1/challenges/" + challengeId + "/leaderboard").body()
              .get("entries"))).isEqualTo(expected));
      await().atMost(LIVE.minus(Duration.between(finished, Instant.now()))
              .plus(Duration.ofMillis(100)))
          .pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
            WatchLeaderboardResponse view = watched.get();
            assertThat(view.getTopList()).extracting(LeaderboardEntry::getAthleteId).isEqualTo(expected);
            assertThat(view.getMe().getRank()).isEqualTo(1);
          });
      System.out.printf("challenge scenario: board and watch in order %d ms after the last finish%n",
          Duration.between(finished, Instant.now()).toMillis());
    } finally {
      watch.cancel("the test is done watching", null);
    }

    JsonNode mine = apps.get("anna").get("/v1/challenges/" + challengeId + "/leaderboard/me?neighbours=1").body();
    assertThat(mine.at("/me/rank").asLong()).isEqualTo(2);
    assertThat(mine.at("/me/score").asDouble()).isBetween(2900.0, 3100.0);
    assertThat(mine.at("/above/0/athleteId").asText()).isEqualTo("bob-" + run);
    assertThat(mine.at("/below/0/athleteId").asText()).isEqualTo("cene-" + run);

    JsonNode car = apps.get("cene").get("/v1/challenges/" + challengeId + "/progress").body();
    assertThat(car.at("/progress/score").asDouble()).isZero();
    assertThat(car.at("/progress/workouts/0/counted").asBoolean()).isFalse();
    assertThat(car.at("/progress/workouts/0/flags")).as("the athlete sees why").isNotEmpty();
    assertThat(car.at("/progress/workouts/0/flags/0/reason").asText()).isNotBlank();

    await().atMost(EVENTUALLY).untilAsserted(() -> {
      JsonNode stats = apps.get("bob").get("/v1/athletes/me/stats").body();
      assertThat(stats.at("/stats/challenges/joined").asText()).isEqualTo("1");
      assertThat(stats.at("/stats/challenges/active").asText()).isEqualTo("1");
      assertThat(stats.at("/stats/challenges/bestRank").asText()).isEqualTo("1");
    });
    await().atMost(EVENTUALLY).untilAsserted(() -> {
      JsonNode participation = apps.get("anna").get("/v1/challenges/" + challengeId + "/participation").body();
      assertThat(participation.at("/participation/participants").asText()).isEqualTo("3");
      assertThat(participation.at("/participation/activeParticipants").asText()).as("the car does not count")
          .isEqualTo("2");
      assertThat(participation.at("/participation/distanceM").asDouble()).isBetween(7400.0, 8100.0);
      JsonNode today = participation.at("/participation/days").get(participation.at("/participation/days").size() - 1);
      assertThat(today.at("/joins").asText()).isEqualTo("3");
    });
    assertThat(apps.get("bob").get("/v1/challenges/" + challengeId + "/participation").status())
        .as("only the creator reads participation").isEqualTo(403);
  }

  @Test
  void aBoardLostWithRedis_isRebuiltFromCqlByTheCommand_identically() {
    assumeTrue(runtime.redis().isPresent() && RealInfra.launcherManaged(),
        "needs the launcher's Redis and CQL, which the command reaches with its local defaults");
    String challengeId = createChallenge(apps.get("anna"));
    for (MobileClient app : apps.values()) {
      assertThat(app.post("/v1/challenges/" + challengeId + ":join", Map.of()).status()).isEqualTo(200);
    }
    Instant start = Instant.now().minus(Duration.ofMinutes(90)).truncatedTo(ChronoUnit.SECONDS);
    record(apps.get("anna"), straightRun(start, 600, 3.0));
    record(apps.get("bob"), straightRun(start.plusSeconds(60), 900, 3.0));
    String board = "/v1/challenges/" + challengeId + "/leaderboard";
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(ids(apps.get("anna").get(board).body()
        .get("entries"))).containsExactly("bob-" + run, "anna-" + run, "cene-" + run));
    JsonNode before = apps.get("anna").get(board).body();

    runtime.redis().orElseThrow().getKeys().flushall();
    assertThat(apps.get("anna").get(board).body().get("participantCount")).as("Redis lost it").isNull();

    assertThat(FitmeshCli.commandLine().execute("leaderboard", "rebuild", challengeId)).isZero();
    assertThat(apps.get("anna").get(board).body()).isEqualTo(before);
  }

  @Test
  void theChallengeApiRefusesWhatItMust() {
    MobileClient anna = apps.get("anna");
    String challengeId = createChallenge(anna);
    assertThat(anna.get("/v1/challenges/no-such-challenge").status()).isEqualTo(404);
    assertThat(anna.post("/v1/challenges/no-such-challenge:join", Map.of()).status()).isEqualTo(404);
    assertThat(anna.get("/v1/challenges/" + challengeId + "/leaderboard?page_size=500").status()).isEqualTo(400);
    assertThat(anna.get("/v1/challenges?page_size=-1").status()).isEqualTo(400);
    assertThat(anna.get("/v1/challenges/" + challengeId + "/leaderboard/me").status())
        .as("not joined").isEqualTo(404);
    assertThat(new MobileClient(bff(), null).get("/v1/challenges/" + challengeId).status()).isEqualTo(401);
    LocalDate past = LocalDate.now(ZoneOffset.UTC).minusDays(10);
    assertThat(anna.post("/v1/challenges", Map.of("challenge", challengeJson(past, past.plusDays(2)))).status())
        .isEqualTo(400);
    JsonNode created = anna.get("/v1/challenges/" + challengeId).body();
    assertThat(created.at("/challenge/creatorId").asText()).isEqualTo("anna-" + run);
    assertThat(anna.get("/v1/challenges").body().get("challenges")).isNotEmpty();
  }

  private String createChallenge(MobileClient app) {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    MobileClient.Reply created = app.post("/v1/challenges", Map.of("challenge",
        challengeJson(today.minusDays(1), today.plusDays(6)), "requestId", UUID.randomUUID().toString()));
    assertThat(created.status()).as(created.body().toString()).isEqualTo(200);
    return created.body().at("/challenge/challengeId").asText();
  }

  private static Map<String, Object> challengeJson(LocalDate from, LocalDate to) {
    return Map.of("title", "Run week", "goalKind", "GOAL_KIND_TOTAL_DISTANCE", "goalTarget", 50_000,
        "sports", List.of("SPORT_RUN"), "timeZone", "UTC",
        "startDate", Map.of("year", from.getYear(), "month", from.getMonthValue(), "day", from.getDayOfMonth()),
        "endDate", Map.of("year", to.getYear(), "month", to.getMonthValue(), "day", to.getDayOfMonth()));
  }

  private ClientCallStreamObserver<?> watch(String challengeId, AtomicReference<WatchLeaderboardResponse> latest) {
    GrpcChannels channels = new GrpcChannels(runtime.openTelemetry(), Duration.ofMinutes(5));
    var stub = channels.stub(bff(), MobileChallengeServiceGrpc.MobileChallengeServiceStub.class, tokens.get("bob"));
    AtomicReference<ClientCallStreamObserver<?>> call = new AtomicReference<>();
    stub.watchLeaderboard(WatchLeaderboardRequest.newBuilder().setChallengeId(challengeId).setTop(3).build(),
        new ClientResponseObserver<WatchLeaderboardRequest, WatchLeaderboardResponse>() {
          @Override
          public void beforeStart(ClientCallStreamObserver<WatchLeaderboardRequest> requests) {
            call.set(requests);
          }

          @Override
          public void onNext(WatchLeaderboardResponse value) {
            latest.set(value);
          }

          @Override
          public void onError(Throwable t) {}

          @Override
          public void onCompleted() {}
        });
    await().atMost(Duration.ofSeconds(10)).until(() -> latest.get() != null);
    return call.get();
  }

  /** Records a workout the way the app does: start, upload in batches, finish, each sent again if told to retry. */
  private static void record(MobileClient app, List<Map<String, Object>> samples) {
    String workoutId = UUID.randomUUID().toString();
    MobileClient.Reply started = app.postRetrying("/v1/workouts", Map.of("workoutId", workoutId, "sport",
        "SPORT_RUN", "startTime", samples.get(0).get("time"), "timeZone", "Europe/Ljubljana"), EVENTUALLY);
    assertThat(started.status()).as(started.body().toString()).isEqualTo(200);
    for (int from = 0; from < samples.size(); from += 500) {
      MobileClient.Reply uploaded = app.postRetrying("/v1/workouts/" + workoutId + "/samples",
          Map.of("samples", samples.subList(from, Math.min(samples.size(), from + 500))), EVENTUALLY);
      assertThat(uploaded.status()).as(uploaded.body().toString()).isEqualTo(200);
    }
    MobileClient.Reply finished = app.postRetrying("/v1/workouts/" + workoutId + ":finish", Map.of(), EVENTUALLY);
    assertThat(finished.status()).as(finished.body().toString()).isEqualTo(200);
  }

  static List<Map<String, Object>> straightRun(Instant start, int seconds, double metresPerSecond) {
    return Simulation.straightRun(start, seconds, metresPerSecond);
  }

  /** The Visnjan drive as a run, moved to start at {@code start}. */
  static List<Map<String, Object>> carRide(Instant start) throws Exception {
    byte[] gpx;
    try (InputStream in = ChallengeScenario.class.getResourceAsStream("/fixtures/around-visnjan-with-car.gpx")) {
      gpx = in.readAllBytes();
    }
    List<TrackPoint> points = WorkoutFiles.parse(WorkoutFiles.Format.GPX, gpx);
    Duration shift = Duration.between(points.get(0).time(), start);
    List<Map<String, Object>> samples = new ArrayList<>();
    for (TrackPoint p : points) {
      Map<String, Object> s = new HashMap<>();
      s.put("seq", p.seq());
      s.put("time", p.time().plus(shift).toString());
      s.put("latitudeDeg", p.latitudeDeg());
      s.put("longitudeDeg", p.longitudeDeg());
      if (p.altitudeM() != null) {
        s.put("altitudeM", p.altitudeM());
      }
      samples.add(s);
    }
    return samples;
  }

  private static List<String> ids(JsonNode entries) {
    List<String> ids = new ArrayList<>();
    entries.forEach(e -> ids.add(e.get("athleteId").asText()));
    return ids;
  }

  private String bff() {
    return node.endpoint("bff");
  }
}
