package io.fitmesh.platform.client;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.linecorp.armeria.client.WebClient;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.RequestHeaders;
import com.linecorp.armeria.common.RequestHeadersBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/** Calls the BFF's HTTP/JSON API the way the mobile app does. */
public final class MobileClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration RETRY_PAUSE = Duration.ofMillis(250);

  private final WebClient http;
  private final String token;

  public MobileClient(String bffEndpoint, String token) {
    this.http = WebClient.of("http://" + bffEndpoint);
    this.token = token;
  }

  /** Status and parsed body. */
  public record Reply(int status, JsonNode body) {}

  public Reply call(HttpMethod method, String path, Object body) {
    RequestHeadersBuilder headers = RequestHeaders.builder(method, path).contentType(MediaType.JSON_UTF_8);
    if (token != null) {
      headers.add("authorization", "Bearer " + token);
    }
    try {
      HttpRequest request = body == null ? HttpRequest.of(headers.build())
          : HttpRequest.of(headers.build(), com.linecorp.armeria.common.HttpData.wrap(JSON.writeValueAsBytes(body)));
      AggregatedHttpResponse response = http.execute(request).aggregate().join();
      return new Reply(response.status().code(), parse(response.contentUtf8()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A reply body as JSON; an empty object for an empty body. */
  public static JsonNode parse(String text) {
    try {
      return text.isEmpty() ? JSON.createObjectNode() : JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + text.substring(0, Math.min(200, text.length())), e);
    }
  }

  public Reply get(String path) {
    return call(HttpMethod.GET, path, null);
  }

  public Reply post(String path, Object body) {
    return call(HttpMethod.POST, path, body);
  }

  public Reply delete(String path) {
    return call(HttpMethod.DELETE, path, null);
  }

  /**
   * Posts as the app does an idempotent call (start, upload, finish, join): a 503 or 504 (UNAVAILABLE,
   * DEADLINE_EXCEEDED) is sent again after a short pause until another answer comes or {@code patience} has
   * passed; returns the last reply.
   */
  public Reply postRetrying(String path, Object body, Duration patience) {
    long giveUp = System.nanoTime() + requireNonNull(patience, "patience").toNanos();
    Reply reply = post(path, body);
    while (isRetryable(reply.status()) && System.nanoTime() - giveUp < 0) {
      try {
        Thread.sleep(RETRY_PAUSE.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return reply;
      }
      reply = post(path, body);
    }
    return reply;
  }

  /** UNAVAILABLE and DEADLINE_EXCEEDED, as HTTP statuses: the answers the app sends again. */
  public static boolean isRetryable(int status) {
    return status == 503 || status == 504;
  }
}
