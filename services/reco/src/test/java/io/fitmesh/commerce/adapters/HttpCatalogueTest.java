package io.fitmesh.commerce.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fitmesh.commerce.domain.Availability;
import io.fitmesh.commerce.domain.CatalogueFailure;
import io.fitmesh.commerce.domain.Unavailable;
import io.fitmesh.commerce.partner.ReferenceCatalogue;
import io.fitmesh.testkit.LogCapture;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP catalogue against the real reference catalogue over HTTP on 127.0.0.1, healthy and with faults. */
class HttpCatalogueTest {
  /** Generous: loopback answers in milliseconds, but the machine may be busy. */
  private static final Duration ROOMY_DEADLINE = Duration.ofSeconds(5);
  private static final long WAIT_SECONDS = 30;

  private static final ReferenceCatalogue partner = new ReferenceCatalogue();

  @BeforeAll
  static void start() {
    partner.start(0);
  }

  @AfterAll
  static void stop() {
    partner.close();
  }

  @AfterEach
  void healthyAgain() {
    partner.faults().reset();
  }

  @Test
  void aHealthyPartner_givesAvailabilityAndTheRegionsPrice() throws Exception {
    try (HttpCatalogue catalogue = catalogue(ROOMY_DEADLINE, 64, Duration.ofSeconds(10))) {
      Map<String, Availability> de = answer(catalogue.availability("DE", Set.of("SHOE-PEG40-42", "NO-SUCH-SKU")));
      Map<String, Availability> gb = answer(catalogue.availability("GB", Set.of("SHOE-PEG40-42")));
      Map<String, Availability> jp = answer(catalogue.availability("JP", Set.of("GPS-WATCH-265")));

      assertThat(de).containsOnly(
          Map.entry("SHOE-PEG40-42", new Availability("SHOE-PEG40-42", true, 12999, "EUR")));
      assertThat(gb).containsOnly(
          Map.entry("SHOE-PEG40-42", new Availability("SHOE-PEG40-42", false, 11999, "GBP")));
      assertThat(jp.get("GPS-WATCH-265").priceMinor()).isEqualTo(69800);
      assertThat(jp.get("GPS-WATCH-265").currency()).isEqualTo("JPY");
    }
  }

  @Test
  void aRegionWithoutPartner_isNoPartnerForRegion_withoutACall() throws Exception {
    try (HttpCatalogue catalogue = catalogue(ROOMY_DEADLINE, 64, Duration.ofSeconds(10))) {
      long before = partner.questionsReceived();

      assertThat(reasonOf(catalogue.availability("FR", Set.of("SHOE-PEG40-42"))))
          .isEqualTo(Unavailable.NO_PARTNER_FOR_REGION);
      assertThat(partner.questionsReceived()).isEqualTo(before);
    }
  }

  @Test
  void moreThan100Skus_areAskedInSeveralCalls() throws Exception {
    Set<String> skus = IntStream.range(0, 149).mapToObj(i -> "UNKNOWN-" + i).collect(Collectors.toSet());
    skus.add("HRM-STRAP-BT");
    try (HttpCatalogue catalogue = catalogue(ROOMY_DEADLINE, 64, Duration.ofSeconds(10))) {
      long before = partner.questionsReceived();

      Map<String, Availability> found = answer(catalogue.availability("US", skus));

      assertThat(found).containsOnlyKeys("HRM-STRAP-BT");
      assertThat(partner.questionsReceived() - before).isEqualTo(2);
    }
  }

  @Test
  void aPartnerSlowerThanTheDeadline_isTimedOut_soonAfterTheDeadline() throws Exception {
    partner.faults().latency(Duration.ofSeconds(10));
    try (HttpCatalogue catalogue = catalogue(Duration.ofMillis(300), 64, Duration.ofSeconds(10))) {
      long start = System.nanoTime();

      Unavailable reason = reasonOf(catalogue.availability("DE", Set.of("SHOE-PEG40-42")));

      assertThat(reason).isEqualTo(Unavailable.TIMED_OUT);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }
  }

  @Test
  void serverErrors_arePartnerFailed_afterExactlyOneRetry() throws Exception {
    partner.faults().failWith(500);
    try (HttpCatalogue catalogue = catalogue(ROOMY_DEADLINE, 64, Duration.ofSeconds(10))) {
      long before = partner.questionsReceived();

      assertThat(reasonOf(catalogue.availability("DE", Set.of("SHOE-PEG40-42"))))
          .isEqualTo(Unavailable.PARTNER_FAILED);
      assertThat(partner.questionsReceived() - before).isEqualTo(2);
    }
  }

  @Test
  void aRefusedQuestion_isPartnerFailed_withoutRetry() throws Exception {
    partner.faults().failWith(400);
    try (HttpCatalogue catalogue = catalogue(ROOMY_DEADLINE, 64, Duration.ofSeconds(10))) {
      long before = partner.questionsReceived();

      assertThat(reasonOf(catalogue.availability("DE", Set.of("SHOE-PEG40-42"))))
          .isEqualTo(Unavailable.PARTNER_FAILED);
      assertThat(partner.questionsReceived() - before).isEqualTo(1);
    }
  }

  @Test
  void aMalformedAnswer_isBadAnswer_andItsTextIsNeitherLoggedNorPassedOn() throws Exception {
    partner.faults().malformed(true);
    try (HttpCatalogue catalogue = catalogue(ROOMY_DEADLINE, 64, Duration.ofSeconds(10));
        LogCapture logs = LogCapture.atLeast("TRACE")) {
      Throwable failure = failureOf(catalogue.availability("DE", Set.of("SHOE-PEG40-42")));

      assertThat(failure).isInstanceOf(CatalogueFailure.class).hasNoCause();
      assertThat(((CatalogueFailure) failure).reason()).isEqualTo(Unavailable.BAD_ANSWER);
      assertThat(failure.getMessage()).doesNotContain("malformed-answer");
      assertThat(logs.events()).noneMatch(event -> event.contains("malformed-answer"));
      assertThat(logs.events()).anyMatch(event -> event.contains("could not be read"));
    }
  }

  @Test
  void anAnswerOver1Mb_isBadAnswer() throws Exception {
    partner.faults().oversized(true);
    try (HttpCatalogue catalogue = catalogue(ROOMY_DEADLINE, 64, Duration.ofSeconds(10))) {
      assertThat(reasonOf(catalogue.availability("DE", Set.of("SHOE-PEG40-42"))))
          .isEqualTo(Unavailable.BAD_ANSWER);
    }
  }

  @Test
  void moreCallsThanSlots_waitingLongerThanAQuarterOfTheDeadline_areOverloaded() throws Exception {
    partner.faults().latency(Duration.ofSeconds(2));
    try (HttpCatalogue catalogue = catalogue(Duration.ofSeconds(4), 1, Duration.ofSeconds(10))) {
      CompletableFuture<Map<String, Availability>> first = catalogue.availability("DE", Set.of("SHOE-PEG40-42"));
      CompletableFuture<Map<String, Availability>> second = catalogue.availability("DE", Set.of("HRM-STRAP-BT"));

      assertThat(reasonOf(second)).isEqualTo(Unavailable.OVERLOADED);
      assertThat(answer(first)).containsOnlyKeys("SHOE-PEG40-42");
    }
  }

  @Test
  void aFailingPartner_opensTheCircuit_andIsThenNotCalled() throws Exception {
    partner.faults().failWith(503);
    try (HttpCatalogue catalogue = catalogue(ROOMY_DEADLINE, 64, Duration.ofSeconds(30))) {
      await().atMost(WAIT_SECONDS, TimeUnit.SECONDS).until(
          () -> reasonOf(catalogue.availability("DE", Set.of("SHOE-PEG40-42"))) == Unavailable.CIRCUIT_OPEN);
      long before = partner.questionsReceived();

      for (int i = 0; i < 3; i++) {
        assertThat(reasonOf(catalogue.availability("DE", Set.of("SHOE-PEG40-42"))))
            .isEqualTo(Unavailable.CIRCUIT_OPEN);
      }
      assertThat(partner.questionsReceived()).isEqualTo(before);
      assertThat(catalogue.circuitState("GB")).as("each region has its own circuit").isEqualTo("CLOSED");
    }
  }

  @Test
  void aRefusedConnection_isPartnerFailed_opensTheCircuit_andAHealthyPartnerClosesIt() throws Exception {
    ReferenceCatalogue later = new ReferenceCatalogue();
    int port = later.start(0);
    later.close();
    Map<String, URI> partners = Map.of("DE", URI.create("http://127.0.0.1:" + port + "/de"));
    try (HttpCatalogue catalogue = new HttpCatalogue(partners, ROOMY_DEADLINE, 64, Duration.ofMillis(500))) {
      assertThat(reasonOf(catalogue.availability("DE", Set.of("SHOE-PEG40-42"))))
          .isEqualTo(Unavailable.PARTNER_FAILED);
      await().atMost(WAIT_SECONDS, TimeUnit.SECONDS).until(
          () -> reasonOf(catalogue.availability("DE", Set.of("SHOE-PEG40-42"))) == Unavailable.CIRCUIT_OPEN);

      later.start(port);
      await().atMost(WAIT_SECONDS, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(100)).until(
          () -> succeeded(catalogue.availability("DE", Set.of("SHOE-PEG40-42"))));

      assertThat(catalogue.circuitState("DE")).isEqualTo("CLOSED");
      assertThat(answer(catalogue.availability("DE", Set.of("SHOE-PEG40-42")))).containsKey("SHOE-PEG40-42");
      assertThat(later.questionsReceived()).isGreaterThanOrEqualTo(2);
    } finally {
      later.close();
    }
  }

  @Test
  void aClosedCatalogue_failsWithoutACall() throws Exception {
    HttpCatalogue catalogue = catalogue(ROOMY_DEADLINE, 64, Duration.ofSeconds(10));
    catalogue.close();
    long before = partner.questionsReceived();

    assertThat(reasonOf(catalogue.availability("DE", Set.of("SHOE-PEG40-42"))))
        .isEqualTo(Unavailable.PARTNER_FAILED);
    assertThat(partner.questionsReceived()).isEqualTo(before);
  }

  @Test
  void malformedInput_isRefusedAtOnce() {
    try (HttpCatalogue catalogue = catalogue(ROOMY_DEADLINE, 64, Duration.ofSeconds(10))) {
      assertThatThrownBy(() -> catalogue.availability("DE", Set.of("S".repeat(65))))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new HttpCatalogue(Map.of("de", URI.create("http://127.0.0.1:1/de"))))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  private static HttpCatalogue catalogue(Duration deadline, int maxConcurrent, Duration openFor) {
    return new HttpCatalogue(partner.partners(), deadline, maxConcurrent, openFor);
  }

  private static Map<String, Availability> answer(CompletableFuture<Map<String, Availability>> future)
      throws Exception {
    return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  private static boolean succeeded(CompletableFuture<Map<String, Availability>> future) throws Exception {
    return failureOf(future) == null;
  }

  private static Unavailable reasonOf(CompletableFuture<Map<String, Availability>> future) throws Exception {
    Throwable failure = failureOf(future);
    assertThat(failure).as("the call failed").isInstanceOf(CatalogueFailure.class);
    return ((CatalogueFailure) failure).reason();
  }

  private static Throwable failureOf(CompletableFuture<Map<String, Availability>> future) throws Exception {
    try {
      future.get(WAIT_SECONDS, TimeUnit.SECONDS);
      return null;
    } catch (ExecutionException e) {
      return e.getCause();
    }
  }
}
