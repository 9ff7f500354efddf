package io.fitmesh.platform.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.server.Server;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MobileClientTest {
  private final AtomicInteger calls = new AtomicInteger();
  private Server server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop().join();
    }
  }

  @Test
  void aCallToldToRetry_isSentAgain_untilItIsAnswered() {
    MobileClient app = appOf(answering(HttpStatus.GATEWAY_TIMEOUT, HttpStatus.SERVICE_UNAVAILABLE, HttpStatus.OK));

    MobileClient.Reply reply = app.postRetrying("/v1/workouts", Map.of(), Duration.ofSeconds(30));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(calls).hasValue(3);
  }

  @Test
  void aCallRefusedForGood_isNotSentAgain() {
    MobileClient app = appOf(answering(HttpStatus.BAD_REQUEST, HttpStatus.OK));

    assertThat(app.postRetrying("/v1/workouts", Map.of(), Duration.ofSeconds(30)).status()).isEqualTo(400);
    assertThat(calls).hasValue(1);
  }

  @Test
  void aCallStillToldToRetry_whenPatienceRunsOut_returnsTheLastAnswer() {
    MobileClient app = appOf(answering(HttpStatus.SERVICE_UNAVAILABLE));

    assertThat(app.postRetrying("/v1/workouts", Map.of(), Duration.ofSeconds(2)).status()).isEqualTo(503);
    assertThat(calls.get()).as("sent again every 250 ms for 2 s, then given up").isBetween(2, 12);
  }

  /** Answers the statuses in turn, then the last one for good. */
  private Server answering(HttpStatus... statuses) {
    server = Server.builder().http(0).service("/v1/workouts", (ctx, req) -> {
      int call = calls.getAndIncrement();
      return HttpResponse.of(statuses[Math.min(call, statuses.length - 1)], MediaType.JSON_UTF_8, "{}");
    }).build();
    server.start().join();
    return server;
  }

  private static MobileClient appOf(Server server) {
    return new MobileClient("127.0.0.1:" + server.activeLocalPort(), "a token");
  }
}
