package io.fitmesh.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.Timestamp;
import io.fitmesh.bff.v1.MobileWorkoutServiceGrpc;
import io.fitmesh.bff.v1.WatchWorkoutRequest;
import io.fitmesh.bff.v1.WatchWorkoutResponse;
import io.fitmesh.platform.client.GrpcChannels;
import io.fitmesh.platform.client.MobileClient;
import io.fitmesh.platform.runtime.PlatformRuntime;
import io.fitmesh.telemetry.v1.GetIngestCursorRequest;
import io.fitmesh.telemetry.v1.ListSamplesRequest;
import io.fitmesh.telemetry.v1.ListSamplesResponse;
import io.fitmesh.telemetry.v1.Sample;
import io.fitmesh.telemetry.v1.StreamSamplesRequest;
import io.fitmesh.telemetry.v1.StreamSamplesResponse;
import io.fitmesh.telemetry.v1.TelemetryIngestServiceGrpc;
import io.fitmesh.telemetry.v1.TelemetryIngestServiceGrpc.TelemetryIngestServiceBlockingStub;
import io.fitmesh.training.v1.TrainingUpdated;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Scenario 1 end to end, as the app and a wearable do it: start a workout through the BFF's JSON API, stream a
 * 1-hour 1 Hz run over native gRPC with two link drops (resuming from the cursor, resending some samples),
 * upload the rest as a phone does, finish, and check the workout, the samples and the stats.
 */
abstract class RecordWorkoutScenario {
  private static final int SAMPLES = 3600;
  private static final double METRES_PER_SECOND = 3.0;

  private FitmeshNode node;
  private PlatformRuntime runtime;
  private String token;
  private MobileClient app;
  private GrpcChannels channels;
  private final Instant start = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);

  abstract PlatformRuntime openRuntime();

  @BeforeEach
  void startFitmesh() {
    runtime = openRuntime();
    node = FitmeshNode.start(runtime);
    token = runtime.tokens().mint("athlete-" + UUID.randomUUID().toString().substring(0, 8), Duration.ofHours(1));
    app = new MobileClient(endpoint("bff"), token);
    channels = new GrpcChannels(runtime.openTelemetry(), Duration.ofSeconds(10));
  }

  @AfterEach
  void stopFitmesh() {
    node.close();
  }

  @Test
  void oneHourRun_withTwoLinkDrops_isStoredWhole_summarised_andCounted() throws Exception {
    String workoutId = "run-" + UUID.randomUUID();
    MobileClient.Reply started = app.post("/v1/workouts", Map.of(
        "workoutId", workoutId, "sport", "SPORT_RUN", "startTime", start.toString(),
        "timeZone", "Europe/Ljubljana", "visibility", "VISIBILITY_ONLY_ME", "title", "Lunch run"));
    assertThat(started.status()).as(started.body().toString()).isEqualTo(200);
    assertThat(started.body().at("/workout/state").asText()).isEqualTo("WORKOUT_STATE_RECORDING");

    long resumeFrom = streamThenDropLink(workoutId, 0, 1300);
    assertThat(resumeFrom).as("durable before the first drop").isGreaterThan(0);
    resumeFrom = streamThenDropLink(workoutId, Math.max(0, resumeFrom - 25), 2500);
    StreamSamplesResponse streamed = streamToTheEnd(workoutId, Math.max(0, resumeFrom - 25), 3000);
    assertThat(streamed.getReport().getDuplicateCount()).as("resent samples are duplicates").isGreaterThan(0);
    assertThat(streamed.getReport().getDurableThroughSeq()).isEqualTo(2999);

    for (int from = 2990; from < SAMPLES; from += 300) {
      MobileClient.Reply uploaded = app.post("/v1/workouts/" + workoutId + "/samples",
          Map.of("samples", jsonSamples(from, Math.min(SAMPLES, from + 300))));
      assertThat(uploaded.status()).as(uploaded.body().toString()).isEqualTo(200);
    }
    assertThat(app.get("/v1/workouts/" + workoutId + "/ingest-cursor").body().at("/cursor/durableThroughSeq").asText())
        .isEqualTo(Integer.toString(SAMPLES - 1));

    MobileClient.Reply finished = app.post("/v1/workouts/" + workoutId + ":finish", Map.of());
    assertThat(finished.status()).as(finished.body().toString()).isEqualTo(200);
    JsonNode summary = finished.body().at("/workout/summary");
    assertThat(summary.at("/distanceM").asDouble()).isBetween(SAMPLES * METRES_PER_SECOND * 0.98, SAMPLES * METRES_PER_SECOND * 1.02);
    assertThat(summary.at("/movingS").asDouble()).isEqualTo(SAMPLES - 1.0);
    assertThat(summary.at("/sampleCount").asText()).isEqualTo(Integer.toString(SAMPLES));
    assertThat(summary.at("/splits").size()).isEqualTo(11);
    assertThat(app.post("/v1/workouts/" + workoutId + ":finish", Map.of()).body().at("/workout/summary"))
        .as("finishing again is idempotent").isEqualTo(summary);

    assertEveryStoredSampleOnce(workoutId);
    await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
      JsonNode week = app.get("/v1/athletes/me/stats?time_zone=Europe/Ljubljana").body().at("/stats/allTime/0");
      assertThat(week.at("/count").asText()).isEqualTo("1");
      assertThat(week.at("/distanceM").asDouble()).isEqualTo(summary.at("/distanceM").asDouble());
    });

    assertThat(app.get("/v1/workouts?page_size=10").body().at("/workouts/0/workoutId").asText()).isEqualTo(workoutId);
    assertThat(app.delete("/v1/workouts/" + workoutId).status()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
        assertThat(app.get("/v1/athletes/me/stats").body().at("/stats/allTime").size()).isZero());
  }

  @Test
  void theApiRefusesWhatItMust() {
    MobileClient anonymous = new MobileClient(endpoint("bff"), null);
    assertThat(anonymous.get("/v1/workouts").status()).as("no token").isEqualTo(401);

    String workoutId = "private-" + UUID.randomUUID();
    assertThat(app.post("/v1/workouts", Map.of("workoutId", workoutId, "sport", "SPORT_RIDE",
        "startTime", start.toString(), "timeZone", "UTC", "visibility", "VISIBILITY_ONLY_ME")).status()).isEqualTo(200);
    MobileClient stranger = new MobileClient(endpoint("bff"), runtime.tokens().mint("stranger", Duration.ofHours(1)));

    assertThat(stranger.get("/v1/workouts/" + workoutId).status()).as("another's ONLY_ME workout").isEqualTo(404);
    MobileClient.Reply intrusion = stranger.post("/v1/workouts/" + workoutId + "/samples",
        Map.of("samples", jsonSamples(0, 10)));
    assertThat(intrusion.status()).as("samples into another's workout").isEqualTo(403);
    MobileClient.Reply empty = app.post("/v1/workouts/" + workoutId + ":finish", Map.of());
    assertThat(empty.status()).as("finishing without samples").isEqualTo(400);
    assertThat(empty.body().toString()).contains("has no samples").doesNotContain("Exception");
    assertThat(app.post("/v1/workouts", Map.of("workoutId", "x", "sport", "SPORT_RUN")).status()).isEqualTo(400);
    assertThat(app.get("/v1/workouts?page_size=1000").status()).isEqualTo(400);
  }

  @Test
  void liveTracking_followsTheRunForItsOwner_refusesStrangers_andEndsWithTheWorkout() throws Exception {
    String workoutId = "live-" + UUID.randomUUID();
    assertThat(app.post("/v1/workouts", Map.of("workoutId", workoutId, "sport", "SPORT_RUN",
        "startTime", start.toString(), "timeZone", "UTC", "visibility", "VISIBILITY_ONLY_ME")).status()).isEqualTo(200);
    String strangerToken = runtime.tokens().mint("stranger", Duration.ofHours(1));
    CompletableFuture<Throwable> refused = new CompletableFuture<>();
    bff(strangerToken).watchWorkout(WatchWorkoutRequest.newBuilder().setWorkoutId(workoutId).build(),
        new StreamObserver<>() {
          @Override
          public void onNext(WatchWorkoutResponse value) {
            refused.completeExceptionally(new AssertionError("a stranger saw " + value));
          }

          @Override
          public void onError(Throwable t) {
            refused.complete(t);
          }

          @Override
          public void onCompleted() {
            refused.completeExceptionally(new AssertionError("a stranger's watch completed"));
          }
        });
    assertThat(io.grpc.Status.fromThrowable(refused.get(10, java.util.concurrent.TimeUnit.SECONDS)).getCode())
        .isEqualTo(io.grpc.Status.Code.NOT_FOUND);

    List<TrainingUpdated> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    CompletableFuture<Void> ended = new CompletableFuture<>();
    bff(token).watchWorkout(WatchWorkoutRequest.newBuilder().setWorkoutId(workoutId).build(), new StreamObserver<>() {
      @Override
      public void onNext(WatchWorkoutResponse value) {
        seen.add(value.getState());
      }

      @Override
      public void onError(Throwable t) {
        ended.completeExceptionally(t);
      }

      @Override
      public void onCompleted() {
        ended.complete(null);
      }
    });
    await().pollDelay(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> true);
    assertThat(app.post("/v1/workouts/" + workoutId + "/samples", Map.of("samples", jsonSamples(0, 120))).status())
        .isEqualTo(200);

    await().atMost(Duration.ofSeconds(15)).until(() -> seen.stream().anyMatch(s -> s.getDurableThroughSeq() == 119));
    TrainingUpdated state = seen.get(seen.size() - 1);
    assertThat(state.getDistanceM()).isBetween(119 * METRES_PER_SECOND * 0.95, 119 * METRES_PER_SECOND * 1.05);
    assertThat(state.getElapsedS()).isEqualTo(119.0);
    assertThat(state.getHeartRateBpm()).isEqualTo(150.0);
    assertThat(app.post("/v1/workouts/" + workoutId + ":finish", Map.of()).status()).isEqualTo(200);
    ended.get(15, java.util.concurrent.TimeUnit.SECONDS);
  }

  @Test
  void importingAFitFile_createsAFinishedWorkout_andADamagedFileStoresNothing() throws Exception {
    String good = "import-" + UUID.randomUUID();
    MobileClient.Reply imported = app.post("/v1/workouts:import", Map.of("workoutId", good,
        "format", "IMPORT_FORMAT_FIT", "sport", "SPORT_RUN", "timeZone", "America/Los_Angeles",
        "data", java.util.Base64.getEncoder().encodeToString(fixture("garmin-fenix-5-run.fit"))));
    assertThat(imported.status()).as(imported.body().toString()).isEqualTo(200);
    assertThat(imported.body().at("/workout/state").asText()).isEqualTo("WORKOUT_STATE_FINISHED");
    assertThat(imported.body().at("/workout/source").asText()).isEqualTo("WORKOUT_SOURCE_IMPORTED");
    assertThat(imported.body().at("/workout/summary/sampleCount").asText()).isEqualTo("21");
    assertThat(imported.body().at("/workout/startTime").asText()).isEqualTo("2017-06-11T14:34:09Z");

    String bad = "broken-" + UUID.randomUUID();
    MobileClient.Reply refused = app.post("/v1/workouts:import", Map.of("workoutId", bad,
        "format", "IMPORT_FORMAT_FIT", "sport", "SPORT_RUN", "timeZone", "UTC",
        "data", java.util.Base64.getEncoder().encodeToString(fixture("activity-unexpected-eof.fit"))));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().at("/message").asText()).contains("FIT file");
    assertThat(app.get("/v1/workouts/" + bad).status()).as("nothing stored").isEqualTo(404);
  }

  @Test
  void importingATriathlonFile_makesFiveLinkedWorkouts_withTheWatchsTotals() {
    Instant start = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
    io.fitmesh.testkit.FitWriter file = new io.fitmesh.testkit.FitWriter(start);
    com.garmin.fit.Sport[] sports = {com.garmin.fit.Sport.SWIMMING, com.garmin.fit.Sport.TRANSITION,
        com.garmin.fit.Sport.CYCLING, com.garmin.fit.Sport.TRANSITION, com.garmin.fit.Sport.RUNNING};
    int[] seconds = {600, 60, 1200, 60, 900};
    double[] speeds = {1.0, 1.5, 8.0, 2.0, 3.5};
    Instant legStart = start;
    double along = 0;
    for (int leg = 0; leg < 5; leg++) {
      for (int s = 0; s < seconds[leg]; s += 5) {
        file.record(legStart.plusSeconds(s), 37.0 + (along + s * speeds[leg]) / 111_195.0, -122.0, 140, null, null,
            null, null);
      }
      along += seconds[leg] * speeds[leg];
      file.session(io.fitmesh.testkit.FitWriter.Session.of(sports[leg], legStart, seconds[leg], seconds[leg],
          seconds[leg] * speeds[leg] * 0.98));
      legStart = legStart.plusSeconds(seconds[leg]);
    }
    String id = "tri-" + UUID.randomUUID();

    MobileClient.Reply imported = app.post("/v1/workouts:import", Map.of("workoutId", id,
        "format", "IMPORT_FORMAT_FIT", "sport", "SPORT_OTHER", "timeZone", "America/Los_Angeles", "title", "Race",
        "data", java.util.Base64.getEncoder().encodeToString(file.bytes())));

    assertThat(imported.status()).as(imported.body().toString()).isEqualTo(200);
    JsonNode legs = imported.body().at("/legs");
    assertThat(legs).hasSize(5);
    assertThat(imported.body().at("/workout/workoutId").asText()).isEqualTo(id);
    List<String> sportsSeen = new ArrayList<>();
    for (int leg = 0; leg < 5; leg++) {
      String legId = legs.get(leg).at("/workoutId").asText();
      MobileClient.Reply read = app.get("/v1/workouts/" + legId);
      assertThat(read.status()).isEqualTo(200);
      sportsSeen.add(read.body().at("/workout/sport").asText());
      assertThat(read.body().at("/workout/multisport/activityId").asText()).isEqualTo(id);
      assertThat(read.body().at("/workout/multisport/leg").asInt()).isEqualTo(leg + 1);
      assertThat(read.body().at("/workout/summary/distanceM").asDouble())
          .isCloseTo(seconds[leg] * speeds[leg] * 0.98, org.assertj.core.api.Assertions.within(0.5));
      assertThat(read.body().at("/workout/summary/sources/distance").asText()).isEqualTo("FIGURE_SOURCE_DEVICE");
      assertThat(read.body().at("/workout/summary/sampleCount").asLong()).isEqualTo(seconds[leg] / 5);
    }
    assertThat(sportsSeen).containsExactly("SPORT_SWIM", "SPORT_OTHER", "SPORT_RIDE", "SPORT_OTHER", "SPORT_RUN");
  }

  private static byte[] fixture(String name) throws java.io.IOException {
    try (java.io.InputStream in = RecordWorkoutScenario.class.getResourceAsStream("/fixtures/" + name)) {
      return in.readAllBytes();
    }
  }

  private MobileWorkoutServiceGrpc.MobileWorkoutServiceStub bff(String bearer) {
    return channels.stub(endpoint("bff"), MobileWorkoutServiceGrpc.MobileWorkoutServiceStub.class, bearer);
  }

  /** Streams [from, to) in batches, then cuts the link without closing; returns the cursor the device reads. */
  private long streamThenDropLink(String workoutId, long from, long to) {
    StreamObserver<StreamSamplesRequest> stream = telemetryAsync().streamSamples(new StreamObserver<>() {
      @Override
      public void onNext(StreamSamplesResponse value) {}

      @Override
      public void onError(Throwable t) {}

      @Override
      public void onCompleted() {}
    });
    for (long seq = from; seq < to; seq += 100) {
      stream.onNext(batch(workoutId, seq, Math.min(to, seq + 100)));
    }
    await().pollDelay(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> true);
    stream.onError(new RuntimeException("link lost"));
    return telemetryBlocking().getIngestCursor(GetIngestCursorRequest.newBuilder().setWorkoutId(workoutId).build())
        .getCursor().getDurableThroughSeq() + 1;
  }

  private StreamSamplesResponse streamToTheEnd(String workoutId, long from, long to) throws Exception {
    CompletableFuture<StreamSamplesResponse> done = new CompletableFuture<>();
    StreamObserver<StreamSamplesRequest> stream = telemetryAsync().streamSamples(new StreamObserver<>() {
      @Override
      public void onNext(StreamSamplesResponse value) {
        done.complete(value);
      }

      @Override
      public void onError(Throwable t) {
        done.completeExceptionally(t);
      }

      @Override
      public void onCompleted() {}
    });
    for (long seq = from; seq < to; seq += 100) {
      stream.onNext(batch(workoutId, seq, Math.min(to, seq + 100)));
    }
    stream.onCompleted();
    return done.get(30, java.util.concurrent.TimeUnit.SECONDS);
  }

  private void assertEveryStoredSampleOnce(String workoutId) {
    Set<Long> seqs = new HashSet<>();
    List<Long> all = new ArrayList<>();
    String pageToken = "";
    do {
      ListSamplesResponse page = telemetryAsAService().listSamples(ListSamplesRequest.newBuilder()
          .setWorkoutId(workoutId).setPageSize(1000).setPageToken(pageToken).build());
      page.getSamplesList().forEach(s -> {
        seqs.add(s.getSeq());
        all.add(s.getSeq());
      });
      pageToken = page.getNextPageToken();
    } while (!pageToken.isEmpty());
    assertThat(all).as("no duplicates").hasSize(seqs.size());
    assertThat(seqs).as("no loss").hasSize(SAMPLES);
  }

  private StreamSamplesRequest batch(String workoutId, long from, long to) {
    StreamSamplesRequest.Builder batch = StreamSamplesRequest.newBuilder().setWorkoutId(workoutId);
    for (long seq = from; seq < to; seq++) {
      Instant time = start.plusSeconds(seq);
      batch.addSamples(Sample.newBuilder()
          .setSeq(seq)
          .setTime(Timestamp.newBuilder().setSeconds(time.getEpochSecond()))
          .setLatitudeDeg(latitude(seq))
          .setLongitudeDeg(14.5)
          .setAltitudeM(300)
          .setHeartRateBpm(150)
          .setSpeedMps(METRES_PER_SECOND));
    }
    return batch.build();
  }

  private List<Map<String, Object>> jsonSamples(long from, long to) {
    List<Map<String, Object>> samples = new ArrayList<>();
    for (long seq = from; seq < to; seq++) {
      Map<String, Object> s = new HashMap<>();
      s.put("seq", seq);
      s.put("time", start.plusSeconds(seq).toString());
      s.put("latitudeDeg", latitude(seq));
      s.put("longitudeDeg", 14.5);
      s.put("altitudeM", 300);
      s.put("heartRateBpm", 150);
      s.put("speedMps", METRES_PER_SECOND);
      samples.add(s);
    }
    return samples;
  }

  private static double latitude(long seq) {
    return 46.0 + seq * METRES_PER_SECOND / 111_195.0;
  }

  private TelemetryIngestServiceGrpc.TelemetryIngestServiceStub telemetryAsync() {
    return channels.stub(endpoint("telemetry"), TelemetryIngestServiceGrpc.TelemetryIngestServiceStub.class, token);
  }

  private TelemetryIngestServiceBlockingStub telemetryBlocking() {
    return channels.stub(endpoint("telemetry"), TelemetryIngestServiceBlockingStub.class, token);
  }

  /** ListSamples is internal: it takes the service token the training service would send. */
  private TelemetryIngestServiceBlockingStub telemetryAsAService() {
    String serviceToken = runtime.auth().services().mint(runtime.auth().clients().verify(token), "telemetry");
    return channels.stub(endpoint("telemetry"), TelemetryIngestServiceBlockingStub.class, serviceToken);
  }

  private String endpoint(String name) {
    return node.endpoint(name);
  }
}
