package io.fitmesh.notification.adapters.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import io.fitmesh.notification.domain.PushResult;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/**
 * Reads an FCM HTTP v1 answer as a {@link PushResult}. FCM errors are Google API errors:
 * {@code {"error":{"code","message","status","details":[{"@type":"...FcmError","errorCode"},
 * {"@type":"...BadRequest","fieldViolations":[{"field","description"}]}]}}}.
 */
final class FcmResponses {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FCM_ERROR_TYPE = "type.googleapis.com/google.firebase.fcm.v1.FcmError";
  private static final String BAD_REQUEST_TYPE = "type.googleapis.com/google.rpc.BadRequest";
  private static final String TOKEN_FIELD = "message.token";

  private FcmResponses() {}

  /**
   * 2xx is delivered; UNREGISTERED (404 NOT_FOUND) and a 400 saying the registration token is invalid are a dead
   * token; 429 and 5xx are retried after the Retry-After the server gave; 401 is retried at once (with a new token);
   * any other answer fails. A 404 that is not a Google error (a proxy, a wrong base URL) fails rather than kill tokens.
   */
  static PushResult classify(AggregatedHttpResponse response, Clock clock) {
    int status = response.status().code();
    if (status >= 200 && status < 300) {
      return new PushResult.Delivered();
    }
    GoogleError error = GoogleError.parse(response.contentUtf8());
    String reason = Outcomes.shorten("fcm: " + status + error.describe());
    if ("UNREGISTERED".equals(error.fcmErrorCode()) || status == 404 && "NOT_FOUND".equals(error.status())) {
      return new PushResult.DeadToken(reason);
    }
    if (status == 400 && error.saysTokenIsInvalid()) {
      return new PushResult.DeadToken(reason);
    }
    if (status == 429 || status >= 500) {
      return new PushResult.RetryLater(RetryAfter.of(response.headers(), clock), reason);
    }
    if (status == 401) {
      return new PushResult.RetryLater(Duration.ZERO, reason);
    }
    return new PushResult.Failed(reason);
  }

  /** The parts of a Google API error body that decide the outcome; empty strings where the body lacks them. */
  record GoogleError(String status, String message, String fcmErrorCode, boolean tokenFieldViolation) {
    static final GoogleError NONE = new GoogleError("", "", "", false);

    static GoogleError parse(String body) {
      JsonNode error;
      try {
        JsonNode root = JSON.readTree(body);
        error = root == null ? null : root.path("error");
      } catch (IOException e) {
        return NONE;
      }
      if (error == null || !error.isObject()) {
        return NONE;
      }
      String fcmErrorCode = "";
      boolean tokenFieldViolation = false;
      for (JsonNode detail : error.path("details")) {
        String type = detail.path("@type").asText("");
        if (FCM_ERROR_TYPE.equals(type)) {
          fcmErrorCode = detail.path("errorCode").asText("");
        } else if (BAD_REQUEST_TYPE.equals(type)) {
          for (JsonNode violation : detail.path("fieldViolations")) {
            tokenFieldViolation |= TOKEN_FIELD.equals(violation.path("field").asText(""));
          }
        }
      }
      return new GoogleError(error.path("status").asText(""), error.path("message").asText(""), fcmErrorCode,
          tokenFieldViolation);
    }

    boolean saysTokenIsInvalid() {
      return "INVALID_ARGUMENT".equals(status) && (tokenFieldViolation
          || message.toLowerCase(Locale.ROOT).contains("registration token"));
    }

    String describe() {
      String code = !fcmErrorCode.isEmpty() ? fcmErrorCode : status;
      return (code.isEmpty() ? "" : " " + code) + (message.isEmpty() ? "" : ": " + message);
    }
  }
}
