package io.fitmesh.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.linecorp.armeria.common.HttpMethod;
import io.fitmesh.commerce.partner.ReferenceCatalogue;
import io.fitmesh.platform.auth.VerifiedToken;
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
 * Scenario 3 end to end through the BFF, with the reference catalogue as the partner over real HTTP: an athlete
 * with six runs in twelve days on shoes near their retire distance gets a recovery day with its reasons, recovery
 * hours, race predictions, a "replace soon" and an offer for shoes in stock in their region at the regional price;
 * in a region where they are out of stock there is no such offer; with the partner hanging the screen still comes
 * in time and says why offers are missing.
 */
abstract class RecoScenario {
  static final String SHOE = "SHOE-PEG40-42";
  private static final Duration EVENTUALLY = Duration.ofSeconds(30);

  private ReferenceCatalogue catalogue;
  private FitmeshNode node;
  private final String run = UUID.randomUUID().toString().substring(0, 6);
  private MobileClient alice;
  private MobileClient bob;
  private MobileClient admin;

  /** A runtime whose settings include {@code commerceSettings}. */
  abstract PlatformRuntime openRuntime(Map<String, String> commerceSettings) throws Exception;

  @BeforeEach
  void startFitmesh() throws Exception {
    catalogue = new ReferenceCatalogue();
    catalogue.start(0);
    PlatformRuntime runtime = openRuntime(Map.of("FITMESH_COMMERCE_PARTNERS", catalogue.partnersSetting()));
    node = FitmeshNode.start(runtime);
    String bff = node.endpoint("bff");
    alice = new MobileClient(bff, runtime.tokens().mint("alice-" + run, Duration.ofHours(1)));
    bob = new MobileClient(bff, runtime.tokens().mint("bob-" + run, Duration.ofHours(1)));
    admin = new MobileClient(bff, runtime.tokens().mint("ops-" + run, Duration.ofHours(1), VerifiedToken.ADMIN));
    endEveryRunningCampaign();
  }

  /** Campaigns left by earlier runs on the same servers would compete for the screen's three offers. */
  private void endEveryRunningCampaign() {
    String page = "";
    do {
      JsonNode campaigns = admin.get("/v1/admin/campaigns?pageSize=100&pageToken=" + page).body();
      for (JsonNode campaign : campaigns.at("/campaigns")) {
        if (!campaign.at("/ended").asBoolean()) {
          admin.post("/v1/admin/campaigns/" + campaign.at("/campaignId").asText() + ":end", Map.of());
        }
      }
      page = campaigns.at("/nextPageToken").asText();
    } while (!page.isEmpty());
  }

  @AfterEach
  void stopFitmesh() throws Exception {
    node.close();
    catalogue.close();
  }

  @Test
  void anAthleteWithAKnownHistory_getsTheirDay_predictions_gearDue_andAnOfferInStockInTheirRegion() {
    assertThat(alice.call(HttpMethod.PUT, "/v1/athletes/me/profile", Map.of("region", "de")).body()
        .at("/profile/region").asText()).isEqualTo("DE");
    String shoeId = alice.post("/v1/athletes/me/gear", Map.of("gear", Map.of("name", "Pegasus 41", "brand", "Nike",
        "sport", "SPORT_RUN", "retireDistanceM", 50_000, "defaultForSport", true))).body().at("/gear/gearId").asText();
    String campaignId = admin.post("/v1/admin/campaigns", campaign("New shoes, 25% off", List.of("DE", "GB"),
        List.of("SPORT_RUN"), "AUDIENCE_GEAR_DUE")).body().at("/campaign/campaignId").asText();
    List<String> workouts = new ArrayList<>();
    for (int daysAgo : List.of(11, 9, 7, 5, 3, 1)) {
      workouts.add(recordRun(daysAgo));
    }

    await().atMost(EVENTUALLY).until(() -> screen(alice).at("/gearAlerts/0/gear/gearId").asText().equals(shoeId)
        && screen(alice).at("/load/acute").asDouble() > 0);
    JsonNode screen = screen(alice);
    assertThat(screen.at("/today/kind").asText()).isEqualTo("WORKOUT_KIND_RECOVERY");
    assertThat(screen.at("/today/because/0").asText()).startsWith("acute load ").endsWith(": take it easy");
    assertThat(screen.at("/load/ratio").asDouble()).isGreaterThan(1.5);
    assertThat(screen.at("/recovery/warning").asText()).contains("above 1.5");
    assertThat(screen.at("/recovery/hoursRemaining").asInt()).as("a 50-minute run at 165 bpm a day ago")
        .isBetween(1, 72);
    assertThat(screen.at("/races/model").asText()).startsWith("Riegel");
    assertThat(screen.at("/races/predictions").findValuesAsText("race"))
        .containsExactly("5 km", "10 km", "Half marathon", "Marathon");
    assertThat(screen.at("/gearAlerts/0/because").asText()).contains("Pegasus 41").contains("replace it soon");
    JsonNode offer = screen.at("/offers/0");
    assertThat(offer.at("/campaignId").asText()).isEqualTo(campaignId);
    assertThat(offer.at("/sku").asText()).isEqualTo(SHOE);
    assertThat(offer.at("/currency").asText()).isEqualTo("EUR");
    assertThat(offer.at("/offerPriceMinor").asLong()).isEqualTo(offer.at("/priceMinor").asLong() * 75 / 100);
    assertThat(screen.at("/promosUnavailableReason").asText()).isEmpty();

    alice.call(HttpMethod.PUT, "/v1/athletes/me/profile", Map.of("region", "GB"));
    JsonNode inGb = screen(alice);
    assertThat(inGb.at("/offers").size()).as("out of stock in GB").isZero();
    assertThat(inGb.at("/promosUnavailableReason").asText()).as("the shop answered").isEmpty();

    alice.call(HttpMethod.PUT, "/v1/athletes/me/profile", Map.of("region", "DE"));
    assertThat(alice.post("/v1/recommendations/promo:" + campaignId + ":dismiss", Map.of()).status()).isEqualTo(200);
    JsonNode dismissed = screen(alice);
    assertThat(dismissed.at("/offers").size()).as("dismissed").isZero();
    assertThat(dismissed.at("/promosUnavailableReason").asText()).isEmpty();

    double before = gear(alice).at("/gear/0/distanceM").asDouble();
    assertThat(alice.delete("/v1/workouts/" + workouts.get(0)).status()).isEqualTo(200);
    await().atMost(EVENTUALLY).until(() -> gear(alice).at("/gear/0/distanceM").asDouble() < before - 5000);
    JsonNode patched = alice.call(HttpMethod.PATCH, "/v1/athletes/me/gear/" + shoeId,
        Map.of("brand", "Nike Running")).body().at("/gear");
    assertThat(patched.at("/brand").asText()).isEqualTo("Nike Running");
    assertThat(patched.at("/name").asText()).as("a PATCH changes only what it sends").isEqualTo("Pegasus 41");
  }

  @Test
  void aHangingPartner_stillGivesTheScreenInTime_withoutOffers_andSaysWhy() {
    alice.call(HttpMethod.PUT, "/v1/athletes/me/profile", Map.of("region", "US"));
    admin.post("/v1/admin/campaigns", campaign("Welcome", List.of("US"), List.of(), "AUDIENCE_NEW_ATHLETE"));
    catalogue.faults().latency(Duration.ofSeconds(5));

    Instant asked = Instant.now();
    MobileClient.Reply reply = alice.get("/v1/athletes/me/recommendations");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(Duration.between(asked, Instant.now())).isLessThan(Duration.ofSeconds(2));
    assertThat(reply.body().at("/recommendations/offers").size()).isZero();
    assertThat(reply.body().at("/recommendations/promosUnavailableReason").asText())
        .as("commerce's deadline, or on a slow machine promo's or reco's safety net above it")
        .isIn("the shop of this region did not answer in time", "the shop did not answer in time",
            "offers took too long today");
    assertThat(reply.body().at("/recommendations/today/kind").asText()).isEqualTo("WORKOUT_KIND_EASY");
  }

  @Test
  void refusals_carryTheRightCodes() {
    MobileClient anonymous = new MobileClient(endpoint(), null);
    assertThat(anonymous.get("/v1/athletes/me/recommendations").status()).isEqualTo(401);
    String shoeId = alice.post("/v1/athletes/me/gear", Map.of("gear", Map.of("name", "Pegasus", "sport",
        "SPORT_RUN"))).body().at("/gear/gearId").asText();
    assertThat(bob.call(HttpMethod.PATCH, "/v1/athletes/me/gear/" + shoeId, Map.of("name", "Mine")).status())
        .as("another athlete's gear").isEqualTo(404);
    assertThat(alice.call(HttpMethod.PUT, "/v1/athletes/me/profile", Map.of("region", "XX")).status())
        .as("unknown region").isEqualTo(400);
    assertThat(bob.post("/v1/admin/campaigns", Map.of("campaign", Map.of("title", "x"))).status())
        .as("campaign without the admin role").isEqualTo(403);
    assertThat(alice.post("/v1/recommendations/other:1:dismiss", Map.of()).status()).isEqualTo(400);
    Map<String, Object> typo = new HashMap<>(campaign("Typo", List.of("DE"), List.of("SPORT_RUNNING"),
        "AUDIENCE_EVERYONE"));
    assertThat(admin.post("/v1/admin/campaigns", typo).status()).as("an unknown sport is refused, not dropped")
        .isEqualTo(400);
    assertThat(alice.call(HttpMethod.PUT, "/v1/athletes/me/profile", Map.of("region", "DE", "regoin", "GB"))
        .status()).as("an unknown field is refused").isEqualTo(400);
    MobileClient.Reply tooShort = alice.call(HttpMethod.PATCH, "/v1/athletes/me/gear/" + shoeId,
        Map.of("retireDistanceM", 1000));
    assertThat(tooShort.status()).as("a retire distance one run reaches").isEqualTo(400);
    assertThat(alice.call(HttpMethod.PUT, "/v1/athletes/me/profile", Map.of("region", "x".repeat(100_000)))
        .status()).as("a huge region").isEqualTo(400);
    assertThat(alice.post("/v1/athletes/me/gear", Map.of("gear", Map.of("name", "n".repeat(81), "sport",
        "SPORT_RUN"))).status()).as("an over-long name").isEqualTo(400);

    assertThat(alice.get("/v1/athletes/me/profile").body().at("/profile/region").asText())
        .as("no refused region was stored").isEmpty();
    assertThat(gear(alice).at("/gear")).as("only the one good piece of gear").hasSize(1);
    assertThat(gear(alice).at("/gear/0/retireDistanceM").asDouble()).isEqualTo(700_000);
    assertThat(admin.get("/v1/admin/campaigns").body().at("/campaigns").findValuesAsText("title"))
        .as("no refused campaign was stored").doesNotContain("Typo");
    assertThat(tooShort.body().toString()).as("our words, no internal text")
        .contains("retire_distance_m").doesNotContain("Exception", "java.", "at io.");
  }

  private String endpoint() {
    return node.endpoint("bff");
  }

  private static JsonNode screen(MobileClient app) {
    MobileClient.Reply reply = app.get("/v1/athletes/me/recommendations?timeZone=UTC");
    assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
    return reply.body().at("/recommendations");
  }

  private static Map<String, Object> campaign(String title, List<String> regions, List<String> sports,
      String audience) {
    Map<String, Object> campaign = new HashMap<>();
    campaign.put("title", title);
    campaign.put("regions", regions);
    campaign.put("sports", sports);
    campaign.put("audience", audience);
    campaign.put("skus", List.of(SHOE));
    campaign.put("discountPercent", 25);
    campaign.put("startsAt", Instant.now().minusSeconds(60).toString());
    campaign.put("endsAt", Instant.now().plus(Duration.ofDays(30)).toString());
    campaign.put("frequencyCap", 100);
    campaign.put("frequencyWindowDays", 7);
    campaign.put("budget", 1000);
    return Map.of("campaign", campaign);
  }

  private static JsonNode gear(MobileClient app) {
    return app.get("/v1/athletes/me/gear").body();
  }

  /**
   * A 50-minute run at 3.4 m/s and 165 bpm (10.2 km, a point every 5 s) that started {@code daysAgo} days and two
   * hours ago; returns its id.
   */
  private String recordRun(int daysAgo) {
    String workoutId = UUID.randomUUID().toString();
    Instant start = Instant.now().minus(Duration.ofDays(daysAgo).plusHours(2)).truncatedTo(ChronoUnit.SECONDS);
    assertThat(alice.post("/v1/workouts", Map.of("workoutId", workoutId, "sport", "SPORT_RUN",
        "startTime", start.toString(), "timeZone", "UTC", "visibility", "VISIBILITY_ONLY_ME")).status())
        .isEqualTo(200);
    List<Map<String, Object>> samples = new ArrayList<>();
    for (int seq = 0; seq < 600; seq++) {
      samples.add(Map.of("seq", seq, "time", start.plusSeconds(5L * seq).toString(),
          "latitudeDeg", 52.5 + seq * 17.0 / 111_195.0, "longitudeDeg", 13.4, "heartRateBpm", 165));
    }
    assertThat(alice.post("/v1/workouts/" + workoutId + "/samples", Map.of("samples", samples)).status())
        .isEqualTo(200);
    assertThat(alice.post("/v1/workouts/" + workoutId + ":finish", Map.of()).status()).isEqualTo(200);
    return workoutId;
  }
}
