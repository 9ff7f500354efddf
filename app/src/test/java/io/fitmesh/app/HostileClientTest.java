package io.fitmesh.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.Timestamp;
import com.linecorp.armeria.client.WebClient;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.RequestHeaders;
import io.fitmesh.bff.v1.MobileWorkoutServiceGrpc.MobileWorkoutServiceBlockingStub;
import io.fitmesh.bff.v1.StartWorkoutRequest;
import io.fitmesh.common.v1.Sport;
import io.fitmesh.platform.client.GrpcChannels;
import io.fitmesh.platform.client.MobileClient;
import io.fitmesh.platform.config.Backends;
import io.fitmesh.platform.config.PlatformConfig;
import io.fitmesh.platform.config.Settings;
import io.fitmesh.platform.runtime.PlatformRuntime;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The attacks of the security review, performed the way it found them: a client with a valid account against a
 * running FitMesh (embedded), over HTTP/JSON and native gRPC. Each answer is the right code, in the usual error
 * shape, with nothing of the server's insides and nothing stored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileClientTest {
  private FitmeshNode node;
  private PlatformRuntime runtime;
  private String bff;
  private String token;
  private MobileClient app;

  @BeforeAll
  void startFitmesh() {
    runtime = PlatformRuntime.open(PlatformConfig.from(Settings.of(Map.of()), Backends.EMBEDDED).withAnyFreePorts(),
        "hostile");
    node = FitmeshNode.start(runtime);
    bff = node.endpoint("bff");
    token = runtime.tokens().mint("mallory", Duration.ofHours(1));
    app = new MobileClient(bff, token);
  }

  @AfterAll
  void stopFitmesh() {
    node.close();
  }

  private String startedWorkout() {
    String id = "w-" + UUID.randomUUID();
    MobileClient.Reply started = app.post("/v1/workouts", Map.of("workoutId", id, "sport", "SPORT_RUN",
        "startTime", Instant.now().minusSeconds(600).toString(), "timeZone", "UTC"));
    assertThat(started.status()).as(started.body().toString()).isEqualTo(200);
    return id;
  }

  private AggregatedHttpResponse postRaw(String path, byte[] body) {
    return WebClient.builder("http://" + bff).maxResponseLength(0).build()
        .execute(HttpRequest.of(RequestHeaders.builder(HttpMethod.POST, path).contentType(MediaType.JSON_UTF_8)
            .add("authorization", "Bearer " + token).build(), HttpData.wrap(body)))
        .aggregate().join();
  }

  private static void assertInvalidArgumentInTheUsualShape(int httpStatus, JsonNode body) {
    assertThat(httpStatus).as(body.toString()).isEqualTo(400);
    assertThat(body.at("/code").asInt()).isEqualTo(Status.Code.INVALID_ARGUMENT.value());
    assertThat(body.at("/message").asText()).isNotBlank().doesNotContain("Exception", "com.", "io.", "at [Source");
    assertThat(body.at("/details/0/domain").asText()).isEqualTo("fitmesh.io");
  }

  // 7. Bad input answered with 500 or worse.

  @Test
  void aSeqThatIsNoNumber_tooBigOrNotWhole_isInvalidArgument() {
    String id = startedWorkout();
    for (String seq : new String[] {"\"abc\"", "9223372036854775808", "1e30", "1.5"}) {
      String json = "{\"samples\":[{\"seq\":" + seq + ",\"time\":\"" + Instant.now() + "\"}]}";

      AggregatedHttpResponse reply = postRaw("/v1/workouts/" + id + "/samples", json.getBytes(StandardCharsets.UTF_8));

      assertInvalidArgumentInTheUsualShape(reply.status().code(), MobileClient.parse(reply.contentUtf8()));
    }
  }

  @Test
  void malformedJson_isInvalidArgument_inTheUsualJsonShape() {
    AggregatedHttpResponse reply = postRaw("/v1/workouts", "{\"workoutId\": ".getBytes(StandardCharsets.UTF_8));

    assertThat(reply.contentType()).isNotNull();
    assertThat(reply.contentType().isJson()).as(reply.contentUtf8()).isTrue();
    assertInvalidArgumentInTheUsualShape(reply.status().code(), MobileClient.parse(reply.contentUtf8()));
  }

  @Test
  void aTimestampAtTheEndOfTime_isInvalidArgument() {
    MobileWorkoutServiceBlockingStub grpc = new GrpcChannels(runtime.openTelemetry(), Duration.ofSeconds(10))
        .stub(bff, MobileWorkoutServiceBlockingStub.class, token);

    StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class, () -> grpc.startWorkout(
        StartWorkoutRequest.newBuilder().setWorkout(io.fitmesh.training.v1.StartWorkoutRequest.newBuilder().setWorkoutId("w-" + UUID.randomUUID())
            .setSport(Sport.SPORT_RUN).setTimeZone("UTC")
            .setStartTime(Timestamp.newBuilder().setSeconds(Long.MAX_VALUE))).build()));

    assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
  }

  @Test
  void aHundredKilobyteTimeZone_isInvalidArgument_withoutEchoingIt_andTheNextCallsStillWork() {
    String zone = "Europe/" + "x".repeat(100_000);

    MobileClient.Reply reply = app.post("/v1/workouts", Map.of("workoutId", "w-" + UUID.randomUUID(),
        "sport", "SPORT_RUN", "startTime", Instant.now().toString(), "timeZone", zone));

    assertInvalidArgumentInTheUsualShape(reply.status(), reply.body());
    assertThat(reply.body().toString().length()).as("the answer does not carry the input back").isLessThan(2_000);
    for (int i = 0; i < 5; i++) {
      assertThat(app.get("/v1/workouts").status()).as("the BFF's connection to training survived").isEqualTo(200);
    }
  }

  @Test
  void aTwentyTwoMegabyteUpload_isResourceExhausted_withoutAClassName() {
    String id = startedWorkout();
    byte[] body = ("{\"samples\":[{\"seq\":0,\"note\":\"" + "x".repeat(22 * 1024 * 1024) + "\"}]}")
        .getBytes(StandardCharsets.UTF_8);

    AggregatedHttpResponse reply = postRaw("/v1/workouts/" + id + "/samples", body);

    JsonNode error = MobileClient.parse(reply.contentUtf8());
    assertThat(reply.status().code()).as(reply.contentUtf8()).isEqualTo(413);
    assertThat(error.at("/code").asInt()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED.value());
    assertThat(error.at("/message").asText()).contains("at most").doesNotContain("com.", "Armeria", "Deframer");
  }

  // 1. GPX import reads server files and fetches URLs (XXE/SSRF).

  private static final String TRACK = "<trk><trkseg>"
      + "<trkpt lat=\"46.0\" lon=\"14.5\"><time>2026-11-20T07:00:00Z</time></trkpt>"
      + "<trkpt lat=\"46.001\" lon=\"14.5\"><time>2026-11-20T07:00:30Z</time></trkpt>"
      + "</trkseg></trk>";

  private MobileClient.Reply importFile(String format, byte[] data) {
    return app.post("/v1/workouts:import", Map.of("workoutId", "imp-" + UUID.randomUUID(), "format", format,
        "sport", "SPORT_RUN", "timeZone", "UTC", "data", java.util.Base64.getEncoder().encodeToString(data)));
  }

  @Test
  void aGpxWithAnExternalDtdOrEntity_makesTheServerFetchNothing_andIsInvalidArgument() throws Exception {
    java.util.concurrent.atomic.AtomicInteger fetched = new java.util.concurrent.atomic.AtomicInteger();
    com.sun.net.httpserver.HttpServer listener = com.sun.net.httpserver.HttpServer.create(
        new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    listener.createContext("/", exchange -> {
      fetched.incrementAndGet();
      byte[] dtd = "<!ENTITY % all \"<!ENTITY send SYSTEM 'http://127.0.0.1/leak'>\">".getBytes();
      exchange.sendResponseHeaders(200, dtd.length);
      exchange.getResponseBody().write(dtd);
      exchange.close();
    });
    listener.start();
    try {
      String base = "http://127.0.0.1:" + listener.getAddress().getPort();
      String[] attacks = {
          "<?xml version=\"1.0\"?><!DOCTYPE gpx SYSTEM \"" + base + "/evil.dtd\"><gpx version=\"1.1\">"
              + TRACK + "</gpx>",
          "<?xml version=\"1.0\"?><!DOCTYPE gpx [<!ENTITY % remote SYSTEM \"" + base + "/evil.dtd\"> %remote;]>"
              + "<gpx version=\"1.1\">" + TRACK + "</gpx>",
          "<?xml version=\"1.0\"?><!DOCTYPE gpx [<!ENTITY ext SYSTEM \"" + base + "/data\">]>"
              + "<gpx version=\"1.1\"><metadata><name>&ext;</name></metadata>" + TRACK + "</gpx>"};
      for (String attack : attacks) {
        MobileClient.Reply reply = importFile("IMPORT_FORMAT_GPX", attack.getBytes(StandardCharsets.UTF_8));

        assertInvalidArgumentInTheUsualShape(reply.status(), reply.body());
      }
      Thread.sleep(500);
      assertThat(fetched.get()).as("requests the server made to the attacker's URL").isZero();
    } finally {
      listener.stop(0);
    }
  }

  @Test
  void anErrorBasedXxeGpx_returnsNoFileContent() {
    String attack = "<?xml version=\"1.0\"?><!DOCTYPE gpx ["
        + "<!ENTITY % file SYSTEM \"file:///etc/passwd\">"
        + "<!ENTITY % eval \"<!ENTITY &#x25; error SYSTEM 'file:///nonexistent/%file;'>\">"
        + "%eval; %error;]><gpx version=\"1.1\">" + TRACK + "</gpx>";

    MobileClient.Reply reply = importFile("IMPORT_FORMAT_GPX", attack.getBytes(StandardCharsets.UTF_8));

    assertInvalidArgumentInTheUsualShape(reply.status(), reply.body());
    assertThat(reply.body().toString()).doesNotContain("root:", "/bin/", "nonexistent", "passwd");
  }

  // 2. One small import exhausts memory.

  @Test
  void aFitFileOfTwoMillionTinyRecords_isRefusedWithTheLimit_andStoresNothing() {
    com.garmin.fit.BufferEncoder encoder = new com.garmin.fit.BufferEncoder(com.garmin.fit.Fit.ProtocolVersion.V1_0);
    com.garmin.fit.RecordMesg tiny = new com.garmin.fit.RecordMesg();
    tiny.setHeartRate((short) 120);
    for (int i = 0; i < 2_000_000; i++) {
      encoder.write(tiny);
    }
    byte[] bomb = encoder.close();
    assertThat(bomb.length).as("a small file").isLessThan(5 * 1024 * 1024);
    String id = "bomb-" + UUID.randomUUID();

    MobileClient.Reply reply = app.post("/v1/workouts:import", Map.of("workoutId", id,
        "format", "IMPORT_FORMAT_FIT", "sport", "SPORT_RUN", "timeZone", "UTC",
        "data", java.util.Base64.getEncoder().encodeToString(bomb)));

    assertInvalidArgumentInTheUsualShape(reply.status(), reply.body());
    assertThat(reply.body().at("/message").asText()).contains("1000000");
    assertThat(app.get("/v1/workouts/" + id).status()).as("nothing was stored").isEqualTo(404);
  }

  // 6. Tokens.

  private String endpointOf(String deployable) {
    return node.endpoint(deployable);
  }

  @Test
  void aUserToken_isRefusedOnTheInternalMethodsOfEveryService() {
    GrpcChannels channels = new GrpcChannels(runtime.openTelemetry(), Duration.ofSeconds(10));
    String workoutId = startedWorkout();
    var telemetry = channels.stub(endpointOf("telemetry"),
        io.fitmesh.telemetry.v1.TelemetryIngestServiceGrpc.TelemetryIngestServiceBlockingStub.class, token);
    var training = channels.stub(endpointOf("training"),
        io.fitmesh.training.v1.TrainingServiceGrpc.TrainingServiceBlockingStub.class, token);
    var challenges = channels.stub(endpointOf("challenge"),
        io.fitmesh.challenge.v1.ChallengeServiceGrpc.ChallengeServiceBlockingStub.class, token);

    for (Runnable call : new Runnable[] {
        () -> telemetry.purgeSamples(io.fitmesh.telemetry.v1.PurgeSamplesRequest.newBuilder()
            .setWorkoutId(workoutId).build()),
        () -> telemetry.listSamples(io.fitmesh.telemetry.v1.ListSamplesRequest.newBuilder()
            .setWorkoutId(workoutId).build()),
        () -> training.authorizeSampleWrite(io.fitmesh.training.v1.AuthorizeSampleWriteRequest.newBuilder()
            .setWorkoutId(workoutId).build()),
        () -> training.getWorkout(io.fitmesh.training.v1.GetWorkoutRequest.newBuilder()
            .setWorkoutId(workoutId).build()),
        () -> challenges.listChallenges(io.fitmesh.challenge.v1.ListChallengesRequest.getDefaultInstance())}) {
      StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class, call::run);

      assertThat(refused).as("a user token on an internal method").isNotNull();
      assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
    }
  }

  @Test
  void tokensThatLiveTooLong_areNotYetValid_orComeFromTheFuture_areRefused() throws Exception {
    Instant now = Instant.now();
    assertThat(new MobileClient(bff, devToken(now, now.plus(Duration.ofHours(1)), null)).get("/v1/workouts").status())
        .as("the same claims with sane times are accepted").isEqualTo(200);
    String[] forged = {
        devToken(now, now.plus(Duration.ofDays(30)), null),
        devToken(now, now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(1))),
        devToken(now.plus(Duration.ofHours(2)), now.plus(Duration.ofHours(3)), null)};
    for (String bad : forged) {
      MobileClient.Reply reply = new MobileClient(bff, bad).get("/v1/workouts");

      assertThat(reply.status()).as(reply.body().toString()).isEqualTo(401);
    }
  }

  /** A dev token signed with the right secret but the given times. */
  private static String devToken(Instant issuedAt, Instant expires, Instant notBefore) throws Exception {
    com.nimbusds.jwt.JWTClaimsSet.Builder claims = new com.nimbusds.jwt.JWTClaimsSet.Builder().subject("mallory")
        .issuer("fitmesh-dev").audience("fitmesh-api").issueTime(java.util.Date.from(issuedAt))
        .expirationTime(java.util.Date.from(expires));
    if (notBefore != null) {
      claims.notBeforeTime(java.util.Date.from(notBefore));
    }
    com.nimbusds.jwt.SignedJWT jwt = new com.nimbusds.jwt.SignedJWT(
        new com.nimbusds.jose.JWSHeader(com.nimbusds.jose.JWSAlgorithm.HS256), claims.build());
    jwt.sign(new com.nimbusds.jose.crypto.MACSigner(PlatformConfig.DEV_JWT_SECRET.getBytes(StandardCharsets.UTF_8)));
    return jwt.serialize();
  }

  // 3. Live tracking leaks another athlete's position.

  private MobileClient as(String athlete) {
    return new MobileClient(bff, runtime.tokens().mint(athlete, Duration.ofHours(1)));
  }

  private String publicWorkoutWithSamples(MobileClient owner) {
    String id = "live-" + UUID.randomUUID();
    Instant start = Instant.now().minusSeconds(300);
    assertThat(owner.post("/v1/workouts", Map.of("workoutId", id, "sport", "SPORT_RUN", "startTime", start.toString(),
        "timeZone", "UTC", "visibility", "VISIBILITY_EVERYONE")).status()).isEqualTo(200);
    assertThat(owner.post("/v1/workouts/" + id + "/samples", Map.of("samples", java.util.List.of(
        Map.of("seq", 0, "time", start.toString(), "latitudeDeg", 46.0, "longitudeDeg", 14.5, "heartRateBpm", 120),
        Map.of("seq", 1, "time", start.plusSeconds(5).toString(), "latitudeDeg", 46.0001, "longitudeDeg", 14.5,
            "heartRateBpm", 121)))).status()).isEqualTo(200);
    return id;
  }

  /** Opens a watch as {@code athlete}; the future completes with how the stream ended (null: completed). */
  private java.util.concurrent.CompletableFuture<Status> watch(String athlete, String workoutId,
      java.util.concurrent.atomic.AtomicInteger updates) {
    java.util.concurrent.CompletableFuture<Status> ended = new java.util.concurrent.CompletableFuture<>();
    new GrpcChannels(runtime.openTelemetry(), Duration.ofSeconds(10))
        .streamingStub(bff, io.fitmesh.bff.v1.MobileWorkoutServiceGrpc.MobileWorkoutServiceStub.class,
            runtime.tokens().mint(athlete, Duration.ofHours(1)))
        .watchWorkout(io.fitmesh.bff.v1.WatchWorkoutRequest.newBuilder().setWorkoutId(workoutId).build(),
            new io.grpc.stub.StreamObserver<>() {
              @Override
              public void onNext(io.fitmesh.bff.v1.WatchWorkoutResponse value) {
                updates.incrementAndGet();
              }

              @Override
              public void onError(Throwable t) {
                ended.complete(Status.fromThrowable(t));
              }

              @Override
              public void onCompleted() {
                ended.complete(null);
              }
            });
    return ended;
  }

  @Test
  void aWatchOfADeletedWorkout_ends_andItsIdCannotBeTakenBySomeoneElse() throws Exception {
    MobileClient alice = as("alice");
    String id = publicWorkoutWithSamples(alice);
    java.util.concurrent.atomic.AtomicInteger updates = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.CompletableFuture<Status> carolsWatch = watch("carol", id, updates);
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> updates.get() > 0);

    assertThat(alice.delete("/v1/workouts/" + id).status()).isEqualTo(200);

    Status end = carolsWatch.get(30, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(end).as("the watch ended with the workout").isNotNull();
    assertThat(end.getCode()).isEqualTo(Status.Code.NOT_FOUND);
    MobileClient.Reply bobTakesTheId = as("bob").post("/v1/workouts", Map.of("workoutId", id, "sport", "SPORT_RUN",
        "startTime", Instant.now().toString(), "timeZone", "UTC", "visibility", "VISIBILITY_ONLY_ME"));
    assertThat(bobTakesTheId.status()).as(bobTakesTheId.body().toString()).isEqualTo(409);
  }

  @Test
  void oneAthletesWatches_areBounded() throws Exception {
    String id = publicWorkoutWithSamples(as("dana"));
    java.util.List<java.util.concurrent.CompletableFuture<Status>> watches = new java.util.ArrayList<>();
    java.util.concurrent.atomic.AtomicInteger updates = new java.util.concurrent.atomic.AtomicInteger();
    for (int i = 0; i < 10; i++) {
      watches.add(watch("erin", id, updates));
    }
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> updates.get() >= 10);

    Status eleventh = watch("erin", id, updates).get(30, java.util.concurrent.TimeUnit.SECONDS);

    assertThat(eleventh).isNotNull();
    assertThat(eleventh.getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
    assertThat(watches).noneMatch(java.util.concurrent.CompletableFuture::isDone);
  }

  // 4. Ids are reusable after delete.

  @Test
  void anImportWithTheIdOfARecordingWorkout_isRefused_andTheWorkoutAndItsSamplesStay() {
    MobileClient alice = as("alice");
    String id = publicWorkoutWithSamples(alice);

    MobileClient.Reply reply = alice.post("/v1/workouts:import", Map.of("workoutId", id, "format", "IMPORT_FORMAT_GPX",
        "sport", "SPORT_RUN", "timeZone", "UTC", "data", java.util.Base64.getEncoder().encodeToString(
            ("<gpx version=\"1.1\">" + TRACK + "</gpx>").getBytes(StandardCharsets.UTF_8))));

    assertThat(reply.status()).as(reply.body().toString()).isEqualTo(409);
    assertThat(alice.get("/v1/workouts/" + id).body().at("/workout/state").asText()).isEqualTo("WORKOUT_STATE_RECORDING");
    assertThat(alice.get("/v1/workouts/" + id + "/ingest-cursor").body().at("/cursor/durableThroughSeq").asText())
        .isEqualTo("1");
  }

  @Test
  void samplesSentAfterAFinishOrADelete_areRefusedAtOnce_notWhenACachedGrantExpires() {
    MobileClient alice = as("alice");
    String finished = publicWorkoutWithSamples(alice);
    String deleted = publicWorkoutWithSamples(alice);
    assertThat(alice.post("/v1/workouts/" + finished + ":finish", Map.of()).status()).isEqualTo(200);
    assertThat(alice.delete("/v1/workouts/" + deleted).status()).isEqualTo(200);

    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
      assertThat(alice.post("/v1/workouts/" + finished + "/samples", Map.of("samples", java.util.List.of(
          Map.of("seq", 2, "time", Instant.now().toString())))).status()).isEqualTo(400);
      assertThat(alice.post("/v1/workouts/" + deleted + "/samples", Map.of("samples", java.util.List.of(
          Map.of("seq", 2, "time", Instant.now().toString())))).status()).isEqualTo(404);
    });
  }

  // 5. Challenges.

  /** Records and finishes a workout from samples; returns its id. */
  private static String record(MobileClient athlete, java.util.List<Map<String, Object>> samples, String visibility) {
    String id = "ch-" + UUID.randomUUID();
    assertThat(athlete.post("/v1/workouts", Map.of("workoutId", id, "sport", "SPORT_RUN",
        "startTime", samples.get(0).get("time"), "timeZone", "UTC", "visibility", visibility)).status()).isEqualTo(200);
    for (int from = 0; from < samples.size(); from += 500) {
      assertThat(athlete.post("/v1/workouts/" + id + "/samples",
          Map.of("samples", samples.subList(from, Math.min(samples.size(), from + 500)))).status()).isEqualTo(200);
    }
    assertThat(athlete.post("/v1/workouts/" + id + ":finish", Map.of()).status()).isEqualTo(200);
    return id;
  }

  private String challengeOf(MobileClient creator) {
    java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
    MobileClient.Reply created = creator.post("/v1/challenges", Map.of("challenge", Map.of("title", "Hostile",
        "goalKind", "GOAL_KIND_TOTAL_DISTANCE", "sports", java.util.List.of("SPORT_RUN"), "timeZone", "UTC",
        "startDate", Map.of("year", today.minusDays(1).getYear(), "month", today.minusDays(1).getMonthValue(),
            "day", today.minusDays(1).getDayOfMonth()),
        "endDate", Map.of("year", today.plusDays(7).getYear(), "month", today.plusDays(7).getMonthValue(),
            "day", today.plusDays(7).getDayOfMonth()))));
    assertThat(created.status()).as(created.body().toString()).isEqualTo(200);
    return created.body().at("/challenge/challengeId").asText();
  }

  @Test
  void theBoard_showsOthersTheirScoreOnly_andClearingAFlagShowsTheCreatorNothingMore() throws Exception {
    MobileClient carol = as("carol-creator");
    MobileClient alice = as("alice-racer");
    MobileClient bob = as("bob-racer");
    String challengeId = challengeOf(carol);
    assertThat(alice.post("/v1/challenges/" + challengeId + ":join", Map.of()).status()).isEqualTo(200);
    assertThat(bob.post("/v1/challenges/" + challengeId + ":join", Map.of()).status()).isEqualTo(200);
    Instant start = Instant.now().minus(Duration.ofHours(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    String privateRun = record(alice, ChallengeScenario.straightRun(start, 600, 3.0), "VISIBILITY_ONLY_ME");
    String car = record(alice, ChallengeScenario.carRide(start.plus(Duration.ofHours(1))), "VISIBILITY_ONLY_ME");
    record(bob, ChallengeScenario.straightRun(start.plusSeconds(30), 300, 3.0), "VISIBILITY_EVERYONE");
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
        bob.get("/v1/challenges/" + challengeId + "/leaderboard").body().at("/entries").size() == 2
            && alice.get("/v1/challenges/" + challengeId + "/progress").body().at("/progress/workouts").size() == 2);

    JsonNode board = bob.get("/v1/challenges/" + challengeId + "/leaderboard").body().at("/entries");
    for (JsonNode entry : board) {
      boolean mine = entry.at("/athleteId").asText().startsWith("bob");
      assertThat(entry.has("reachedTime")).as("reached time on %s's entry, seen by bob", entry.at("/athleteId"))
          .isEqualTo(mine);
    }
    MobileClient.Reply selfClear = carol.post("/v1/challenges/" + challengeId + "/participants/carol-creator/workouts/"
        + car + ":clear", Map.of());
    assertThat(selfClear.status()).isIn(403, 404);
    MobileClient.Reply cleared = carol.post("/v1/challenges/" + challengeId + "/participants/"
        + alice.get("/v1/challenges/" + challengeId + "/progress").body().at("/progress/athleteId").asText()
        + "/workouts/" + car + ":clear", Map.of());
    assertThat(cleared.status()).as(cleared.body().toString()).isEqualTo(200);
    JsonNode workouts = cleared.body().at("/progress/workouts");
    assertThat(workouts).hasSize(1);
    assertThat(workouts.get(0).at("/workoutId").asText()).isEqualTo(car);
    assertThat(workouts.get(0).has("flags")).isFalse();
    assertThat(workouts.get(0).has("endTime")).isFalse();
    assertThat(cleared.body().toString()).doesNotContain(privateRun);
  }
}
