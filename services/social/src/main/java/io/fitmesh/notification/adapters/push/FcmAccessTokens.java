package io.fitmesh.notification.adapters.push;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.linecorp.armeria.client.WebClient;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.CommonPools;
import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.QueryParams;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.fitmesh.notification.domain.PushResult;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * OAuth2 access tokens for FCM, got with the service account's signed JWT (the JWT-bearer grant). One token is shared
 * until five minutes before it expires; concurrent callers wait on one token request. A failed request is not kept:
 * the next caller asks again.
 */
final class FcmAccessTokens {
  static final String SCOPE = "https://www.googleapis.com/auth/firebase.messaging";
  static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer";
  /** Google accepts assertions that live at most an hour. */
  static final Duration ASSERTION_LIFETIME = Duration.ofHours(1);
  /** A token is replaced this long before Google would stop taking it. */
  static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);

  private static final ObjectMapper JSON = new ObjectMapper();
  /** The token endpoint's answers that no retry will change: bad key, unknown account, clock far off. */
  private static final Set<Integer> CREDENTIAL_REFUSALS = Set.of(400, 401, 403);

  /** A bearer token and when to stop using it. */
  record AccessToken(String value, Instant refreshAt) {
    @Override
    public String toString() {
      return "AccessToken[refreshAt=" + refreshAt + "]";
    }
  }

  /** No token could be had; carries what the push's outcome is. Has no stack trace. */
  static final class Unavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient PushResult outcome;

    Unavailable(PushResult outcome) {
      super(null, null, false, false);
      this.outcome = outcome;
    }

    PushResult outcome() {
      return outcome;
    }
  }

  private final FcmOptions options;
  private final WebClient client;
  private final Clock clock;
  private final RSASSASigner signer;
  private final AtomicReference<CompletableFuture<AccessToken>> current = new AtomicReference<>();

  FcmAccessTokens(FcmOptions options, WebClient client, Clock clock) {
    this.options = requireNonNull(options, "options");
    this.client = requireNonNull(client, "client");
    this.clock = requireNonNull(clock, "clock");
    this.signer = new RSASSASigner(options.privateKey());
  }

  /**
   * The token to use now: the shared one while fresh, else the one a single new request brings. Fails with
   * {@link Unavailable} when none could be had.
   */
  CompletableFuture<AccessToken> token() {
    while (true) {
      CompletableFuture<AccessToken> shared = current.get();
      if (shared != null && (!shared.isDone() || isFresh(shared))) {
        return shared;
      }
      CompletableFuture<AccessToken> fresh = new CompletableFuture<>();
      if (current.compareAndSet(shared, fresh)) {
        requestOrFailure().whenComplete((token, failure) -> {
          if (failure == null) {
            fresh.complete(token);
          } else {
            fresh.completeExceptionally(failure);
          }
        });
        return fresh;
      }
    }
  }

  /** Stops sharing {@code refused} (FCM said 401): the next caller gets a new token. */
  void invalidate(AccessToken refused) {
    CompletableFuture<AccessToken> shared = current.get();
    if (shared != null && shared.isDone() && !shared.isCompletedExceptionally() && shared.join() == refused) {
      current.compareAndSet(shared, null);
    }
  }

  private boolean isFresh(CompletableFuture<AccessToken> done) {
    return !done.isCompletedExceptionally() && done.join().refreshAt().isAfter(clock.instant());
  }

  /** A token request; never throws, so the shared future always completes. */
  private CompletableFuture<AccessToken> requestOrFailure() {
    try {
      return request();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(new Unavailable(
          new PushResult.RetryLater(Duration.ZERO, "oauth2 token: " + Outcomes.name(e))));
    }
  }

  private CompletableFuture<AccessToken> request() {
    // Signing is CPU work: done off the caller's thread, which may be an event loop.
    return CompletableFuture.supplyAsync(this::signedAssertion, CommonPools.blockingTaskExecutor())
        .thenCompose(assertion -> client.execute(HttpRequest.of(HttpMethod.POST, options.tokenUri().toString(),
            MediaType.FORM_DATA, HttpData.ofUtf8(
                QueryParams.of("grant_type", GRANT_TYPE, "assertion", assertion).toQueryString()))).aggregate())
        .handle((response, failure) -> {
          if (failure != null) {
            Throwable cause = Outcomes.unwrap(failure);
            throw cause instanceof Unavailable unavailable
                ? unavailable
                : new Unavailable(new PushResult.RetryLater(Duration.ZERO,
                    "oauth2 token: " + Outcomes.connectionFailure(cause).reason()));
          }
          return accessToken(response);
        });
  }

  private String signedAssertion() {
    Instant now = clock.instant();
    SignedJWT jwt = new SignedJWT(
        new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(options.privateKeyId()).type(JOSEObjectType.JWT).build(),
        new JWTClaimsSet.Builder()
            .issuer(options.clientEmail())
            .audience(options.tokenUri().toString())
            .claim("scope", SCOPE)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(ASSERTION_LIFETIME)))
            .build());
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new Unavailable(new PushResult.Failed("oauth2 token: the service account key cannot sign RS256"));
    }
    return jwt.serialize();
  }

  private AccessToken accessToken(AggregatedHttpResponse response) {
    int status = response.status().code();
    JsonNode body = parse(response.contentUtf8());
    if (status == 200) {
      JsonNode value = body.path("access_token");
      JsonNode expiresIn = body.path("expires_in");
      if (!value.isTextual() || value.asText().isBlank() || !expiresIn.canConvertToLong() || expiresIn.asLong() <= 0) {
        throw new Unavailable(new PushResult.RetryLater(Duration.ZERO, "oauth2 token: 200 without a usable token"));
      }
      Instant refreshAt = clock.instant().plusSeconds(expiresIn.asLong()).minus(REFRESH_MARGIN);
      return new AccessToken(value.asText(), refreshAt);
    }
    String error = body.path("error").isTextual() ? " " + body.path("error").asText() : "";
    String reason = Outcomes.shorten("oauth2 token: " + status + error);
    throw new Unavailable(CREDENTIAL_REFUSALS.contains(status)
        ? new PushResult.Failed(reason)
        : new PushResult.RetryLater(RetryAfter.of(response.headers(), clock), reason));
  }

  private static JsonNode parse(String json) {
    try {
      JsonNode node = JSON.readTree(json);
      return node == null ? JSON.missingNode() : node;
    } catch (IOException e) {
      return JSON.missingNode();
    }
  }
}
