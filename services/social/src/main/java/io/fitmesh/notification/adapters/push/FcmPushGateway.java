package io.fitmesh.notification.adapters.push;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.linecorp.armeria.client.ResponseTimeoutMode;
import com.linecorp.armeria.client.WebClient;
import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.RequestHeaders;
import io.fitmesh.notification.domain.Device;
import io.fitmesh.notification.domain.PushGateway;
import io.fitmesh.notification.domain.PushMessage;
import io.fitmesh.notification.domain.PushResult;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends pushes to Android phones (and any app registered with Firebase) through the FCM HTTP v1 API, authenticated
 * as a Google service account.
 *
 * <p>Guarantees: {@link #send} never throws and its future never fails; it completes, on a thread that is not a network
 * I/O thread, within twice the options' timeout (token request, then send). Outcomes: 2xx is {@code Delivered};
 * UNREGISTERED and an invalid registration token are {@code DeadToken}; 429 and 5xx are {@code RetryLater} after the
 * server's Retry-After (zero when absent); 401 drops the shared access token and is {@code RetryLater}; other 4xx are
 * {@code Failed}; a connection that failed or timed out is {@code RetryLater}; a token endpoint that refused the
 * credentials (400, 401, 403) is {@code Failed}, one that failed otherwise is {@code RetryLater}. Reasons carry FCM's
 * status, code and message (cut to 200 characters), never the registration token or the access token.
 */
public final class FcmPushGateway implements PushGateway {
  private static final Logger log = LoggerFactory.getLogger(FcmPushGateway.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  /** FCM answers are small: a longer one is cut off and read as a failed exchange. */
  private static final long MAX_RESPONSE_BYTES = 64 * 1024;

  private final FcmOptions options;
  private final String sendUri;
  private final WebClient client;
  private final FcmAccessTokens tokens;
  private final Clock clock;
  private final AtomicBoolean closed = new AtomicBoolean();

  public FcmPushGateway(FcmOptions options) {
    this(options, Clock.systemUTC());
  }

  /** With a clock of the test's choosing, for the token's lifetime and Retry-After dates. */
  FcmPushGateway(FcmOptions options, Clock clock) {
    this.options = requireNonNull(options, "options");
    this.clock = requireNonNull(clock, "clock");
    this.sendUri = options.baseUrl().toString().replaceAll("/+$", "")
        + "/v1/projects/" + options.projectId() + "/messages:send";
    this.client = WebClient.builder()
        .responseTimeout(options.timeout())
        .responseTimeoutMode(ResponseTimeoutMode.FROM_START)
        .maxResponseLength(MAX_RESPONSE_BYTES)
        .build();
    this.tokens = new FcmAccessTokens(options, client, clock);
  }

  @Override
  public Set<Device.Platform> platforms() {
    return Set.of(Device.Platform.FCM);
  }

  @Override
  public CompletableFuture<PushResult> send(Device device, PushMessage message) {
    requireNonNull(device, "device");
    requireNonNull(message, "message");
    if (device.platform() != Device.Platform.FCM) {
      return CompletableFuture.completedFuture(
          new PushResult.Failed("the FCM gateway cannot reach " + device.platform() + " devices"));
    }
    if (closed.get()) {
      return CompletableFuture.completedFuture(new PushResult.RetryLater(Duration.ZERO, "FCM gateway closed"));
    }
    CompletableFuture<PushResult> outcome;
    try {
      HttpData body = HttpData.ofUtf8(requestBody(device, message));
      outcome = tokens.token()
          .thenCompose(token -> post(body, token))
          .handle((result, failure) -> failure == null ? result : outcomeOf(failure));
    } catch (RuntimeException e) {
      outcome = CompletableFuture.completedFuture(new PushResult.Failed("fcm: request not built: " + Outcomes.name(e)));
    }
    return Outcomes.completedOffIoThreads(outcome.whenComplete((result, failure) ->
        log.debug("FCM push to device {}: {}", device.deviceId(), result)));
  }

  /** Later sends answer {@code RetryLater}; sends in flight finish (each within its timeout). */
  @Override
  public void close() {
    closed.set(true);
  }

  @Override
  public String toString() {
    return "FcmPushGateway[" + options.baseUrl() + ", project " + options.projectId() + "]";
  }

  private CompletableFuture<PushResult> post(HttpData body, FcmAccessTokens.AccessToken token) {
    RequestHeaders headers = RequestHeaders.builder(HttpMethod.POST, sendUri)
        .contentType(MediaType.JSON_UTF_8)
        .set(HttpHeaderNames.AUTHORIZATION, "Bearer " + token.value())
        .build();
    return client.execute(HttpRequest.of(headers, body)).aggregate().thenApply(response -> {
      if (response.status().code() == 401) {
        tokens.invalidate(token);
      }
      return FcmResponses.classify(response, clock);
    });
  }

  private static PushResult outcomeOf(Throwable failure) {
    Throwable cause = Outcomes.unwrap(failure);
    return cause instanceof FcmAccessTokens.Unavailable unavailable
        ? unavailable.outcome()
        : Outcomes.connectionFailure(cause);
  }

  /** {"message":{"token","notification":{"title","body"},"data",android collapse_key, apns-collapse-id}}. */
  static String requestBody(Device device, PushMessage message) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode fcmMessage = root.putObject("message");
    fcmMessage.put("token", device.token());
    fcmMessage.putObject("notification")
        .put("title", message.title())
        .put("body", message.body());
    if (!message.data().isEmpty()) {
      ObjectNode data = fcmMessage.putObject("data");
      message.data().forEach(data::put);
    }
    fcmMessage.putObject("android").put("collapse_key", message.collapseKey());
    fcmMessage.putObject("apns").putObject("headers").put("apns-collapse-id", CollapseIds.forApns(message.collapseKey()));
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings always writes", e);
    }
  }
}
