package io.fitmesh.commerce.partner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.linecorp.armeria.client.WebClient;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpData;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The reference catalogue over HTTP: the partner contract, its input checks and its faults. */
class ReferenceCatalogueTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final ReferenceCatalogue catalogue = new ReferenceCatalogue();
  private static WebClient client;

  @BeforeAll
  static void start() {
    client = client(catalogue.start(0));
  }

  @AfterAll
  static void stop() {
    catalogue.close();
  }

  @AfterEach
  void noFaults() {
    catalogue.faults().reset();
  }

  @Test
  void aQuestion_isAnsweredWithTheRegionsCurrencyAndKnownSkusOnly() throws Exception {
    AggregatedHttpResponse response = post("/us/v1/availability",
        "{\"region\":\"US\",\"skus\":[\"SHOE-TRAIL7-42\",\"NO-SUCH-SKU\"]}");

    assertThat(response.status().code()).isEqualTo(200);
    JsonNode body = JSON.readTree(response.contentUtf8());
    assertThat(body.path("region").asText()).isEqualTo("US");
    assertThat(body.path("currency").asText()).isEqualTo("USD");
    assertThat(body.path("items")).hasSize(1);
    assertThat(body.path("items").get(0).path("sku").asText()).isEqualTo("SHOE-TRAIL7-42");
    assertThat(body.path("items").get(0).path("in_stock").asBoolean(true)).isFalse();
    assertThat(body.path("items").get(0).path("price_minor").asLong()).isEqualTo(15000);
  }

  @Test
  void malformedQuestions_areBadRequests() throws Exception {
    String tooMany = IntStream.range(0, 101).mapToObj(i -> "\"SKU-" + i + "\"").collect(Collectors.joining(","));

    assertThat(status("/de/v1/availability", "{\"region\":\"DE\",\"skus\":[" + tooMany + "]}")).isEqualTo(400);
    assertThat(status("/de/v1/availability", "{\"region\":\"DE\",\"skus\":[]}")).isEqualTo(400);
    assertThat(status("/de/v1/availability", "{\"region\":\"GB\",\"skus\":[\"SHOE-PEG40-42\"]}")).isEqualTo(400);
    assertThat(status("/de/v1/availability", "{\"region\":\"DE\",\"skus\":[42]}")).isEqualTo(400);
    assertThat(status("/de/v1/availability", "{\"region\":\"DE\",\"skus\":[\"A\",\"A\"]}")).isEqualTo(400);
    assertThat(status("/de/v1/availability", "not json")).isEqualTo(400);
  }

  @Test
  void aBodyOver64Kb_isRefused() throws Exception {
    String huge = "{\"region\":\"DE\",\"skus\":[\"" + "S".repeat(70 * 1024) + "\"]}";

    assertThat(status("/de/v1/availability", huge)).isEqualTo(413);
  }

  @Test
  void anUnknownRegion_isNotFound_andOnlyPostIsServed() throws Exception {
    assertThat(status("/fr/v1/availability", "{\"region\":\"FR\",\"skus\":[\"SHOE-PEG40-42\"]}")).isEqualTo(404);
    assertThat(client.get("/de/v1/availability").aggregate().get(30, TimeUnit.SECONDS).status().code())
        .isEqualTo(405);
  }

  @Test
  void faultsSwitchedAtRuntime_applyToLaterQuestions() throws Exception {
    String question = "{\"region\":\"DE\",\"skus\":[\"SHOE-PEG40-42\"]}";
    long before = catalogue.questionsReceived();

    catalogue.faults().failWith(503);
    assertThat(status("/de/v1/availability", question)).isEqualTo(503);
    catalogue.faults().reset().malformed(true);
    AggregatedHttpResponse garbled = post("/de/v1/availability", question);
    catalogue.faults().reset().latency(Duration.ofMillis(300));
    long start = System.nanoTime();
    assertThat(status("/de/v1/availability", question)).isEqualTo(200);
    long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    assertThat(garbled.status().code()).isEqualTo(200);
    assertThat(garbled.contentUtf8()).contains(AvailabilityEndpoint.MALFORMED_MARKER);
    assertThat(tookMillis).isGreaterThanOrEqualTo(300);
    assertThat(catalogue.questionsReceived() - before).isEqualTo(3);
  }

  @Test
  void faultsGivenAtStart_applyFromTheFirstQuestion() throws Exception {
    try (ReferenceCatalogue failing = new ReferenceCatalogue(new FaultPlan(Duration.ZERO, 502, false, false))) {
      WebClient failingClient = client(failing.start(0));

      assertThat(post(failingClient, "/gb/v1/availability", "{\"region\":\"GB\",\"skus\":[\"SHOE-PEG40-42\"]}")
          .status().code()).isEqualTo(502);
    }
  }

  private static WebClient client(int port) {
    return WebClient.builder("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(30)).build();
  }

  private static int status(String path, String body) throws Exception {
    return post(client, path, body).status().code();
  }

  private static AggregatedHttpResponse post(String path, String body) throws Exception {
    return post(client, path, body);
  }

  private static AggregatedHttpResponse post(WebClient to, String path, String body) throws Exception {
    return to.post(path, HttpData.ofUtf8(body)).aggregate().get(30, TimeUnit.SECONDS);
  }
}
