package io.fitmesh.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.linecorp.armeria.common.HttpMethod;
import io.fitmesh.platform.client.MobileClient;
import io.fitmesh.platform.runtime.PlatformRuntime;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Scenario 2 end to end through the BFF: bob follows alice, carol is in alice's club; alice finishes a workout and
 * within a second it is in bob's feed and the club feed; bob's iPhone gets it over APNs (pushy's mock APNs server)
 * and his Android phone over FCM (a fake FCM server), and bob and carol find it in their inboxes. Others see
 * alice's route without her privacy zone; ONLY_ME is nowhere, FOLLOWERS only with bob; a deleted workout leaves
 * every feed.
 */
abstract class SocialScenario {
  private static final Duration LIVE = Duration.ofSeconds(1);
  private static final Duration EVENTUALLY = Duration.ofSeconds(30);
  private static final double HOME_LAT = 46.0;
  private static final double HOME_LON = 14.5;

  private FakePushServices push;
  private FitmeshNode node;
  private final String run = UUID.randomUUID().toString().substring(0, 6);
  private final Map<String, MobileClient> apps = new HashMap<>();
  private String bobToken;

  /** A runtime whose settings include {@code pushSettings}. */
  abstract PlatformRuntime openRuntime(Map<String, String> pushSettings) throws Exception;

  @BeforeEach
  void startFitmesh() throws Exception {
    push = new FakePushServices();
    PlatformRuntime runtime = openRuntime(push.settings());
    node = FitmeshNode.start(runtime);
    String bff = node.endpoint("bff");
    for (String name : List.of("alice", "bob", "carol")) {
      String token = runtime.tokens().mint(id(name), Duration.ofHours(1));
      apps.put(name, new MobileClient(bff, token));
      if (name.equals("bob")) {
        bobToken = token;
      }
    }
  }

  @AfterEach
  void stopFitmesh() throws Exception {
    node.close();
    push.close();
  }

  private String id(String name) {
    return name + "-" + run;
  }

  private MobileClient app(String name) {
    return apps.get(name);
  }

  @Test
  void aFinishedWorkout_reachesTheFeeds_thePhonesAndTheInboxes_asItsVisibilityAllows() {
    assertThat(app("alice").call(HttpMethod.PUT, "/v1/athletes/me/privacy-zones", Map.of("zones", List.of(Map.of(
        "center", Map.of("latitudeDeg", HOME_LAT, "longitudeDeg", HOME_LON), "radiusM", 300)))).status())
        .isEqualTo(200);
    assertThat(app("bob").post("/v1/athletes/" + id("alice") + ":follow", Map.of()).body().at("/state").asText())
        .isEqualTo("FOLLOW_STATE_FOLLOWING");
    String clubId = app("alice").post("/v1/clubs", Map.of("club", Map.of("name", "Ljubljana Runners",
        "access", "CLUB_ACCESS_PUBLIC", "timeZone", "Europe/Ljubljana"))).body().at("/club/clubId").asText();
    assertThat(app("carol").post("/v1/clubs/" + clubId + ":join", Map.of()).body().at("/membership").asText())
        .isEqualTo("MEMBERSHIP_STATE_MEMBER");
    String iphone = "a".repeat(64);
    assertThat(app("bob").post("/v1/devices", Map.of("platform", "DEVICE_PLATFORM_APNS", "token", iphone)).status())
        .isEqualTo(200);
    assertThat(app("bob").post("/v1/devices", Map.of("platform", "DEVICE_PLATFORM_FCM", "token", "android-1"))
        .status()).isEqualTo(200);
    feedIds("bob");

    String everyone = record("alice", "VISIBILITY_EVERYONE", "Morning run");
    Instant finished = Instant.now();
    await().atMost(LIVE).pollInterval(Duration.ofMillis(20)).until(() -> feedIds("bob").contains(everyone)
        && clubFeedIds("carol", clubId).contains(everyone));
    System.out.printf("social scenario: in bob's feed and the club feed %d ms after the finish%n",
        Duration.between(finished, Instant.now()).toMillis());

    await().atMost(EVENTUALLY).until(() -> !push.apns.isEmpty() && !push.fcm.isEmpty());
    assertThat(push.apns).containsExactly(new FakePushServices.ApnsPush(iphone, id("alice") + " finished a workout"));
    assertThat(push.fcm).containsExactly(new FakePushServices.FcmPush("android-1", id("alice") + " finished a workout"));
    for (String reader : List.of("bob", "carol")) {
      await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(app(reader).get("/v1/notifications").body()
          .at("/notifications/0/title").asText()).isEqualTo(id("alice") + " finished a workout"));
    }

    List<double[]> bobsRoute = decode(card(app("bob").get("/v1/feed").body(), everyone).at("/polyline").asText());
    List<double[]> alicesRoute = decode(card(app("alice").get("/v1/athletes/me/activities").body(), everyone)
        .at("/polyline").asText());
    assertThat(alicesRoute.get(0)).containsExactly(HOME_LAT, HOME_LON);
    assertThat(bobsRoute).isNotEmpty().allSatisfy(p -> assertThat(metresFromHome(p)).isGreaterThan(300));
    assertThat(app("bob").get("/v1/workouts/" + everyone).body().at("/workout/summary/startPosition/latitudeDeg")
        .asDouble()).isGreaterThan(HOME_LAT + 0.0025);

    String onlyMe = record("alice", "VISIBILITY_ONLY_ME", "Secret run");
    String followers = record("alice", "VISIBILITY_FOLLOWERS", "Friends run");
    await().atMost(EVENTUALLY).until(() -> feedIds("bob").contains(followers));
    await().atMost(EVENTUALLY).until(() -> clubFeedIds("alice", clubId).contains(followers));
    assertThat(feedIds("bob")).doesNotContain(onlyMe);
    assertThat(feedIds("alice")).doesNotContain(onlyMe);
    assertThat(feedIds("carol")).isEmpty();
    assertThat(clubFeedIds("carol", clubId)).contains(everyone).doesNotContain(onlyMe, followers);
    assertThat(activityIds("carol", id("alice"))).containsExactly(everyone);
    assertThat(activityIds("alice", "me")).contains(onlyMe, followers, everyone);

    assertThat(app("alice").delete("/v1/workouts/" + everyone).status()).isEqualTo(200);
    await().atMost(EVENTUALLY).until(() -> !feedIds("bob").contains(everyone)
        && !clubFeedIds("carol", clubId).contains(everyone));
  }

  @Test
  void aDeadApnsToken_removesTheDevice_andAnFcmOutageDeliversOnceItIsOver() {
    String iphone = "b".repeat(64);
    app("bob").get("/v1/feed");
    app("bob").post("/v1/devices", Map.of("platform", "DEVICE_PLATFORM_APNS", "token", iphone));
    app("bob").post("/v1/devices", Map.of("platform", "DEVICE_PLATFORM_FCM", "token", "android-2"));
    push.deadApnsTokens.add(iphone);
    push.fcmFailuresToCome.set(1);

    assertThat(app("alice").post("/v1/athletes/" + id("bob") + ":follow", Map.of()).status()).isEqualTo(200);

    await().atMost(EVENTUALLY).until(() -> !push.fcm.isEmpty());
    await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(app("bob").get("/v1/devices").body().at("/devices"))
        .hasSize(1));
    assertThat(app("bob").get("/v1/devices").body().at("/devices/0/token").asText()).isEqualTo("android-2");
    await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(() -> true);
    assertThat(push.fcm).containsExactly(new FakePushServices.FcmPush("android-2", id("alice") + " follows you"));
    assertThat(push.fcmAttempts.get()).isEqualTo(2);
    assertThat(push.apns).isEmpty();
  }

  @Test
  void anInboxWatch_getsTheUnreadCountAtOnce_andEachNewItemAsItHappens() throws Exception {
    app("bob").get("/v1/feed");
    String workout = record("bob", "VISIBILITY_EVERYONE", "Evening run");
    await().atMost(EVENTUALLY).until(() -> activityIds("bob", "me").contains(workout));
    java.util.concurrent.BlockingQueue<io.fitmesh.bff.v1.WatchNotificationsResponse> seen =
        new java.util.concurrent.LinkedBlockingQueue<>();
    io.fitmesh.platform.client.GrpcChannels channels =
        new io.fitmesh.platform.client.GrpcChannels(io.opentelemetry.api.OpenTelemetry.noop(), Duration.ZERO);
    var stub = channels.stub(endpoint(), io.fitmesh.bff.v1.MobileNotificationServiceGrpc.MobileNotificationServiceStub.class,
        bobToken);
    io.grpc.Context.CancellableContext watch = io.grpc.Context.current().withCancellation();
    try {
      watch.run(() -> stub.watchNotifications(io.fitmesh.bff.v1.WatchNotificationsRequest.getDefaultInstance(),
          new io.grpc.stub.StreamObserver<>() {
            @Override
            public void onNext(io.fitmesh.bff.v1.WatchNotificationsResponse value) {
              seen.add(value);
            }

            @Override
            public void onError(Throwable t) {}

            @Override
            public void onCompleted() {}
          }));
      assertThat(seen.poll(30, java.util.concurrent.TimeUnit.SECONDS)).isNotNull()
          .satisfies(first -> assertThat(first.hasNotification()).isFalse());

      assertThat(app("alice").post("/v1/workouts/" + workout + "/kudos", Map.of()).status()).isEqualTo(200);

      io.fitmesh.bff.v1.WatchNotificationsResponse item = seen.poll(30, java.util.concurrent.TimeUnit.SECONDS);
      assertThat(item).isNotNull();
      assertThat(item.getNotification().getTitle()).isEqualTo(id("alice") + " gave you kudos");
      assertThat(item.getUnreadCount()).isEqualTo(1);
    } finally {
      watch.cancel(null);
    }
  }

  @Test
  void theSocialApiRefusesWhatItMust() {
    app("alice").get("/v1/feed");
    String workout = record("alice", "VISIBILITY_EVERYONE", "Run");
    await().atMost(EVENTUALLY).until(() -> activityIds("alice", "me").contains(workout));
    String comment = app("bob").post("/v1/workouts/" + workout + "/comments", Map.of("text", "Nice!")).body()
        .at("/comment/commentId").asText();

    assertThat(app("bob").post("/v1/athletes/nobody-" + run + ":follow", Map.of()).status()).isEqualTo(404);
    assertThat(app("bob").post("/v1/athletes/" + id("bob") + ":follow", Map.of()).status()).isEqualTo(400);
    assertThat(app("bob").post("/v1/workouts/" + workout + "/comments", Map.of("text", "x".repeat(1001))).status())
        .isEqualTo(400);
    assertThat(app("carol").delete("/v1/workouts/" + workout + "/comments/" + comment).status()).isEqualTo(403);
    assertThat(app("alice").delete("/v1/workouts/" + workout + "/comments/" + comment).status()).isEqualTo(200);
    assertThat(app("bob").get("/v1/clubs/no-such-club").status()).isEqualTo(404);
    assertThat(new MobileClient(endpoint(), null).get("/v1/feed").status()).isEqualTo(401);
    assertThat(app("bob").post("/v1/workouts/" + workout + "/kudos", Map.of()).body().at("/kudosCount").asText())
        .isEqualTo("1");
    await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(app("alice").get("/v1/notifications").body()
        .at("/notifications").findValuesAsText("title")).contains(id("bob") + " gave you kudos",
        id("bob") + " commented on your workout"));
  }

  private String endpoint() {
    return node.endpoint("bff");
  }

  /** Records a 10-minute run starting at alice's home, northwards; returns its id. */
  private String record(String name, String visibility, String title) {
    String workoutId = UUID.randomUUID().toString();
    Instant start = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
    assertThat(app(name).post("/v1/workouts", Map.of("workoutId", workoutId, "sport", "SPORT_RUN",
        "startTime", start.toString(), "timeZone", "Europe/Ljubljana", "visibility", visibility, "title", title))
        .status()).isEqualTo(200);
    List<Map<String, Object>> samples = new ArrayList<>();
    for (int seq = 0; seq < 600; seq++) {
      samples.add(Map.of("seq", seq, "time", start.plusSeconds(seq).toString(),
          "latitudeDeg", HOME_LAT + seq * 3.0 / 111_195.0, "longitudeDeg", HOME_LON, "heartRateBpm", 150));
    }
    assertThat(app(name).post("/v1/workouts/" + workoutId + "/samples", Map.of("samples", samples)).status())
        .isEqualTo(200);
    assertThat(app(name).post("/v1/workouts/" + workoutId + ":finish", Map.of()).status()).isEqualTo(200);
    return workoutId;
  }

  private List<String> feedIds(String name) {
    return app(name).get("/v1/feed").body().at("/cards").findValuesAsText("workoutId");
  }

  private List<String> clubFeedIds(String name, String clubId) {
    return app(name).get("/v1/clubs/" + clubId + "/feed").body().at("/cards").findValuesAsText("workoutId");
  }

  private List<String> activityIds(String viewer, String athlete) {
    return app(viewer).get("/v1/athletes/" + athlete + "/activities").body().at("/cards")
        .findValuesAsText("workoutId");
  }

  private static JsonNode card(JsonNode page, String workoutId) {
    for (JsonNode card : page.at("/cards")) {
      if (card.at("/workoutId").asText().equals(workoutId)) {
        return card;
      }
    }
    throw new AssertionError("no card of " + workoutId + " in " + page);
  }

  private static double metresFromHome(double[] p) {
    return io.fitmesh.platform.geo.GeoMath.haversineMeters(HOME_LAT, HOME_LON, p[0], p[1]);
  }

  /** Google's encoded polyline back to points. */
  private static List<double[]> decode(String polyline) {
    List<double[]> points = new ArrayList<>();
    int index = 0;
    long lat = 0;
    long lon = 0;
    while (index < polyline.length()) {
      long[] delta = new long[2];
      for (int i = 0; i < 2; i++) {
        long result = 0;
        int shift = 0;
        int b;
        do {
          b = polyline.charAt(index++) - 63;
          result |= (long) (b & 0x1f) << shift;
          shift += 5;
        } while (b >= 0x20);
        delta[i] = (result & 1) != 0 ? ~(result >> 1) : result >> 1;
      }
      lat += delta[0];
      lon += delta[1];
      points.add(new double[] {lat / 1e5, lon / 1e5});
    }
    return points;
  }
}
