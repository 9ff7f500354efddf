package io.fitmesh.notification.adapters.push;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.QueryParams;
import com.linecorp.armeria.common.ResponseHeaders;
import com.linecorp.armeria.server.ServerBuilder;
import com.linecorp.armeria.testing.junit5.server.ServerExtension;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.fitmesh.notification.domain.Device;
import io.fitmesh.notification.domain.PushMessage;
import io.fitmesh.notification.domain.PushResult;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.internal.ThreadExecutorMap;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The FCM gateway against a fake FCM HTTP v1 API and a fake Google OAuth2 token endpoint, over HTTP on loopback. */
class FcmPushGatewayTest {
  private static final String PROJECT = "p";
  private static final String KEY_ID = "key-1";
  private static final String CLIENT_EMAIL = "push@p.iam.gserviceaccount.com";
  private static final String REGISTRATION_TOKEN = "fcm-registration-token-1";
  /** Generous: loopback answers in milliseconds, but the machine may be busy. */
  private static final long ANSWER_SECONDS = 60;
  private static final ObjectMapper json = new ObjectMapper();

  /** A request the fake FCM received. */
  record Received(String path, String authorization, JsonNode body) {}

  private static final List<Received> fcmRequests = new CopyOnWriteArrayList<>();
  private static final List<SignedJWT> assertions = new CopyOnWriteArrayList<>();
  private static final AtomicInteger tokensIssued = new AtomicInteger();
  private static final AtomicReference<Function<AggregatedHttpRequest, HttpResponse>> fcm = new AtomicReference<>();
  private static final AtomicReference<Function<AggregatedHttpRequest, HttpResponse>> tokenEndpoint =
      new AtomicReference<>();

  private static KeyPair serviceAccountKeys;

  @RegisterExtension
  static final ServerExtension fake = new ServerExtension() {
    @Override
    protected void configure(ServerBuilder sb) {
      sb.service("/token", (ctx, req) -> HttpResponse.of(req.aggregate().thenApply(r -> tokenEndpoint.get().apply(r))));
      sb.serviceUnder("/v1/", (ctx, req) -> HttpResponse.of(req.aggregate().thenApply(r -> {
        fcmRequests.add(new Received(ctx.path(), r.headers().get(HttpHeaderNames.AUTHORIZATION), readJson(r)));
        return fcm.get().apply(r);
      })));
    }
  };

  private FcmPushGateway gateway;

  @BeforeAll
  static void generateServiceAccountKey() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    serviceAccountKeys = generator.generateKeyPair();
  }

  @BeforeEach
  void freshGatewayAndFakes() {
    fcmRequests.clear();
    assertions.clear();
    tokensIssued.set(0);
    fcm.set(request -> HttpResponse.ofJson(Map.of("name", "projects/p/messages/1")));
    tokenEndpoint.set(FcmPushGatewayTest::issueToken);
    gateway = new FcmPushGateway(options(Duration.ofSeconds(10)));
  }

  @AfterEach
  void closeGateway() {
    gateway.close();
  }

  @Test
  void aPushFcmAccepts_isDelivered_postedWithBearerTokenAndTheMessage() throws Exception {
    PushResult result = send(gateway, message("kudos:w1"));

    assertThat(result).isEqualTo(new PushResult.Delivered());
    assertThat(fcmRequests).hasSize(1);
    Received request = fcmRequests.get(0);
    assertThat(request.path()).isEqualTo("/v1/projects/p/messages:send");
    assertThat(request.authorization()).isEqualTo("Bearer ya29.token-1");
    JsonNode sent = request.body().path("message");
    assertThat(sent.path("token").asText()).isEqualTo(REGISTRATION_TOKEN);
    assertThat(sent.at("/notification/title").asText()).isEqualTo("Kudos");
    assertThat(sent.at("/notification/body").asText()).isEqualTo("Ada liked your run");
    assertThat(sent.path("data")).isEqualTo(json.valueToTree(Map.of("notificationId", "n-1", "kind", "kudos")));
    assertThat(sent.at("/android/collapse_key").asText()).isEqualTo("kudos:w1");
    assertThat(sent.at("/apns/headers/apns-collapse-id").asText()).isEqualTo("kudos:w1");
  }

  @Test
  void theTokenRequest_carriesAnRs256JwtSignedByTheServiceAccountKey() throws Exception {
    send(gateway, message("k"));

    assertThat(assertions).hasSize(1);
    SignedJWT assertion = assertions.get(0);
    assertThat(assertion.verify(new RSASSAVerifier((RSAPublicKey) serviceAccountKeys.getPublic()))).isTrue();
    assertThat(assertion.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
    assertThat(assertion.getHeader().getKeyID()).isEqualTo(KEY_ID);
    JWTClaimsSet claims = assertion.getJWTClaimsSet();
    assertThat(claims.getIssuer()).isEqualTo(CLIENT_EMAIL);
    assertThat(claims.getAudience()).containsExactly(tokenUri().toString());
    assertThat(claims.getStringClaim("scope")).isEqualTo("https://www.googleapis.com/auth/firebase.messaging");
    assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
        .isEqualTo(Duration.ofHours(1));
  }

  @Test
  void manyConcurrentSends_shareOneTokenRequest() throws Exception {
    // The token answers late, so every send asks while the first request is still out.
    tokenEndpoint.set(request -> HttpResponse.delayed(issueToken(request), Duration.ofMillis(300)));

    List<CompletableFuture<PushResult>> sends = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      sends.add(gateway.send(device(), message("k" + i)));
    }
    for (CompletableFuture<PushResult> sent : sends) {
      assertThat(sent.get(ANSWER_SECONDS, TimeUnit.SECONDS)).isEqualTo(new PushResult.Delivered());
    }
    assertThat(send(gateway, message("later"))).isEqualTo(new PushResult.Delivered());

    assertThat(tokensIssued).hasValue(1);
    assertThat(fcmRequests).hasSize(21).allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer ya29.token-1"));
  }

  @Test
  void theResult_completesOffTheNetworkThreads_soCallersMayBlock() throws Exception {
    fcm.set(request -> HttpResponse.delayed(HttpResponse.ofJson(Map.of("name", "projects/p/messages/1")),
        Duration.ofMillis(200)));

    EventExecutor completingExecutor = gateway.send(device(), message("k"))
        .thenApply(result -> ThreadExecutorMap.currentExecutor())
        .get(ANSWER_SECONDS, TimeUnit.SECONDS);

    assertThat(completingExecutor).isNull();
  }

  @Test
  void aTokenFcmRejects_isRetriedLater_andReplacedForTheNextSend() throws Exception {
    send(gateway, message("k"));
    fcm.set(request -> googleError(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED",
        "Request had invalid authentication credentials.", null));

    PushResult rejected = send(gateway, message("k"));

    assertThat(rejected).isInstanceOf(PushResult.RetryLater.class);
    assertThat(((PushResult.RetryLater) rejected).after()).isZero();
    fcm.set(request -> HttpResponse.ofJson(Map.of("name", "projects/p/messages/2")));
    assertThat(send(gateway, message("k"))).isEqualTo(new PushResult.Delivered());
    assertThat(tokensIssued).hasValue(2);
    assertThat(fcmRequests.get(2).authorization()).isEqualTo("Bearer ya29.token-2");
  }

  @Test
  void aTokenFiveMinutesFromExpiry_isReplaced() throws Exception {
    TestClock clock = new TestClock(Instant.parse("2026-03-01T10:00:00Z"));
    try (FcmPushGateway timed = new FcmPushGateway(options(Duration.ofSeconds(10)), clock)) {
      send(timed, message("k"));
      clock.advance(Duration.ofMinutes(54)); // the token (3599 s) has 5 min 59 s left
      send(timed, message("k"));
      clock.advance(Duration.ofMinutes(1)); // 4 min 59 s left
      send(timed, message("k"));
    }

    assertThat(fcmRequests).extracting(Received::authorization)
        .containsExactly("Bearer ya29.token-1", "Bearer ya29.token-1", "Bearer ya29.token-2");
  }

  @Test
  void aTokenFcmCallsUnregistered_isDead() throws Exception {
    fcm.set(request -> googleError(HttpStatus.NOT_FOUND, "NOT_FOUND", "Requested entity was not found.",
        "UNREGISTERED"));

    PushResult result = send(gateway, message("k"));

    assertThat(result).isEqualTo(new PushResult.DeadToken("fcm: 404 UNREGISTERED: Requested entity was not found."));
  }

  @Test
  void aTokenFcmCallsInvalid_isDead() throws Exception {
    fcm.set(request -> HttpResponse.of(HttpStatus.BAD_REQUEST, MediaType.JSON_UTF_8, """
        {"error":{"code":400,"message":"The registration token is not a valid FCM registration token",
          "status":"INVALID_ARGUMENT","details":[
            {"@type":"type.googleapis.com/google.firebase.fcm.v1.FcmError","errorCode":"INVALID_ARGUMENT"},
            {"@type":"type.googleapis.com/google.rpc.BadRequest","fieldViolations":[
              {"field":"message.token","description":"The registration token is not a valid FCM registration token"}]}]}}
        """));

    PushResult result = send(gateway, message("k"));

    assertThat(result).isInstanceOf(PushResult.DeadToken.class);
  }

  @Test
  void anotherBadRequest_failsForGood_withAShortReason() throws Exception {
    fcm.set(request -> googleError(HttpStatus.BAD_REQUEST, "INVALID_ARGUMENT",
        "Invalid value at 'message.data[0].value' " + "x".repeat(1000), "INVALID_ARGUMENT"));

    PushResult result = send(gateway, message("k"));

    assertThat(result).isInstanceOf(PushResult.Failed.class);
    String reason = ((PushResult.Failed) result).reason();
    assertThat(reason).startsWith("fcm: 400 INVALID_ARGUMENT: Invalid value at 'message.data[0].value'");
    assertThat(reason.length()).isLessThanOrEqualTo(200);
  }

  @Test
  void a404ThatIsNotFcms_failsRatherThanKillingTheToken() throws Exception {
    fcm.set(request -> HttpResponse.of(HttpStatus.NOT_FOUND, MediaType.HTML_UTF_8, "<html>no such path</html>"));

    PushResult result = send(gateway, message("k"));

    assertThat(result).isInstanceOf(PushResult.Failed.class);
  }

  @Test
  void tooManyRequests_isRetriedAfterTheSecondsFcmAsks() throws Exception {
    fcm.set(request -> HttpResponse.of(ResponseHeaders.builder(HttpStatus.TOO_MANY_REQUESTS)
            .contentType(MediaType.JSON_UTF_8).set(HttpHeaderNames.RETRY_AFTER, "7").build(),
        com.linecorp.armeria.common.HttpData.ofUtf8(
            errorJson(429, "RESOURCE_EXHAUSTED", "Quota exceeded.", "QUOTA_EXCEEDED"))));

    PushResult result = send(gateway, message("k"));

    assertThat(result).isInstanceOf(PushResult.RetryLater.class);
    assertThat(((PushResult.RetryLater) result).after()).isEqualTo(Duration.ofSeconds(7));
    assertThat(((PushResult.RetryLater) result).reason()).contains("429").contains("QUOTA_EXCEEDED");
  }

  @Test
  void unavailableWithARetryAfterDate_isRetriedAtThatDate() throws Exception {
    TestClock clock = new TestClock(Instant.parse("2026-03-01T10:00:00Z"));
    String inTwoMinutes = DateTimeFormatter.RFC_1123_DATE_TIME.format(
        ZonedDateTime.ofInstant(clock.instant().plusSeconds(120), ZoneOffset.UTC));
    fcm.set(request -> HttpResponse.of(ResponseHeaders.builder(HttpStatus.SERVICE_UNAVAILABLE)
        .set(HttpHeaderNames.RETRY_AFTER, inTwoMinutes).build()));

    PushResult result;
    try (FcmPushGateway timed = new FcmPushGateway(options(Duration.ofSeconds(10)), clock)) {
      result = send(timed, message("k"));
    }

    assertThat(result).isInstanceOf(PushResult.RetryLater.class);
    assertThat(((PushResult.RetryLater) result).after()).isEqualTo(Duration.ofMinutes(2));
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 502, 503})
  void aServerErrorWithoutRetryAfter_isRetriedWithoutAWait(int status) throws Exception {
    fcm.set(request -> googleError(HttpStatus.valueOf(status), "UNAVAILABLE", "The service is unavailable.",
        "UNAVAILABLE"));

    PushResult result = send(gateway, message("k"));

    assertThat(result).isInstanceOf(PushResult.RetryLater.class);
    assertThat(((PushResult.RetryLater) result).after()).isZero();
    assertThat(((PushResult.RetryLater) result).reason()).startsWith("fcm: " + status);
  }

  @Test
  void fcmNotAnsweringWithinTheTimeout_isRetriedLater() throws Exception {
    fcm.set(request -> HttpResponse.of(new CompletableFuture<HttpResponse>()));

    PushResult result;
    try (FcmPushGateway impatient = new FcmPushGateway(options(Duration.ofSeconds(1)))) {
      result = send(impatient, message("k"));
    }

    assertThat(result).isInstanceOf(PushResult.RetryLater.class);
    assertThat(((PushResult.RetryLater) result).reason()).contains("Timeout");
  }

  @Test
  void fcmRefusingConnections_isRetriedLater() throws Exception {
    FcmOptions refused = withUris(options(Duration.ofSeconds(10)), URI.create("http://127.0.0.1:" + freePort()),
        tokenUri());

    PushResult result;
    try (FcmPushGateway toNowhere = new FcmPushGateway(refused)) {
      result = send(toNowhere, message("k"));
    }

    assertThat(result).isInstanceOf(PushResult.RetryLater.class);
    assertThat(((PushResult.RetryLater) result).reason()).startsWith("connection: ");
  }

  @Test
  void aTokenEndpointThatIsDown_isRetriedLater_andAskedAgainNextTime() throws Exception {
    tokenEndpoint.set(request -> HttpResponse.of(HttpStatus.SERVICE_UNAVAILABLE));

    PushResult result = send(gateway, message("k"));

    assertThat(result).isEqualTo(new PushResult.RetryLater(Duration.ZERO, "oauth2 token: 503"));
    assertThat(fcmRequests).isEmpty();
    tokenEndpoint.set(FcmPushGatewayTest::issueToken);
    assertThat(send(gateway, message("k"))).isEqualTo(new PushResult.Delivered());
  }

  @Test
  void aTokenEndpointThatRefusesTheKey_failsForGood() throws Exception {
    tokenEndpoint.set(request -> HttpResponse.ofJson(HttpStatus.BAD_REQUEST,
        Map.of("error", "invalid_grant", "error_description", "Invalid JWT Signature.")));

    PushResult result = send(gateway, message("k"));

    assertThat(result).isEqualTo(new PushResult.Failed("oauth2 token: 400 invalid_grant"));
  }

  @Test
  void aTokenEndpointNobodyListensOn_isRetriedLater() throws Exception {
    FcmOptions refused = withUris(options(Duration.ofSeconds(10)), fake.httpUri(),
        URI.create("http://127.0.0.1:" + freePort() + "/token"));

    PushResult result;
    try (FcmPushGateway toNowhere = new FcmPushGateway(refused)) {
      result = send(toNowhere, message("k"));
    }

    assertThat(result).isInstanceOf(PushResult.RetryLater.class);
    assertThat(((PushResult.RetryLater) result).reason()).startsWith("oauth2 token: connection: ");
  }

  @Test
  void aDeviceOfAnotherPlatform_failsWithoutReachingFcm() throws Exception {
    Device iphone = new Device("athlete-1", "device-2", Device.Platform.APNS, "a".repeat(64), Instant.EPOCH);

    PushResult result = gateway.send(iphone, message("k")).get(ANSWER_SECONDS, TimeUnit.SECONDS);

    assertThat(result).isInstanceOf(PushResult.Failed.class);
    assertThat(fcmRequests).isEmpty();
    assertThat(tokensIssued).hasValue(0);
  }

  @Test
  void serviceAccountJson_givesTheOptions() {
    FcmOptions options = options(Duration.ofSeconds(10));

    assertThat(options.projectId()).isEqualTo(PROJECT);
    assertThat(options.clientEmail()).isEqualTo(CLIENT_EMAIL);
    assertThat(options.privateKeyId()).isEqualTo(KEY_ID);
    assertThat(options.privateKey()).isEqualTo(serviceAccountKeys.getPrivate());
    assertThat(options.tokenUri()).isEqualTo(tokenUri());
    assertThat(options.baseUrl()).isEqualTo(fake.httpUri());
    assertThat(options.toString()).contains("privateKey=(hidden)").doesNotContain(privateKeyPem().substring(40, 80));
  }

  @ParameterizedTest
  @ValueSource(strings = {"project_id", "client_email", "private_key_id", "private_key", "token_uri"})
  void serviceAccountJsonWithoutAField_isRefusedNamingIt(String field) {
    ObjectNode account = serviceAccount();
    account.remove(field);

    assertThatThrownBy(() -> FcmOptions.fromServiceAccountJson(account.toString(), fake.httpUri(), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"" + field + "\"");
  }

  @Test
  void serviceAccountJsonThatIsBrokenOrHuge_isRefusedWithoutShowingTheKey() {
    String broken = serviceAccount().toString().replace("\"token_uri\"", "token_uri");
    String huge = serviceAccount().put("padding", "x".repeat(70_000)).toString();

    assertThatThrownBy(() -> FcmOptions.fromServiceAccountJson(broken, fake.httpUri(), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("BEGIN PRIVATE KEY")
        .hasMessageNotContaining(privateKeyPem().substring(40, 80));
    assertThatThrownBy(() -> FcmOptions.fromServiceAccountJson(huge, fake.httpUri(), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("larger than");
  }

  private static PushResult send(FcmPushGateway gateway, PushMessage message) throws Exception {
    return gateway.send(device(), message).get(ANSWER_SECONDS, TimeUnit.SECONDS);
  }

  private static Device device() {
    return new Device("athlete-1", "device-1", Device.Platform.FCM, REGISTRATION_TOKEN, Instant.EPOCH);
  }

  private static PushMessage message(String collapseKey) {
    return new PushMessage("Kudos", "Ada liked your run", collapseKey, Map.of("notificationId", "n-1", "kind", "kudos"));
  }

  private static FcmOptions options(Duration timeout) {
    return FcmOptions.fromServiceAccountJson(serviceAccount().toString(), fake.httpUri(), timeout);
  }

  private static FcmOptions withUris(FcmOptions options, URI baseUrl, URI tokenUri) {
    return new FcmOptions(baseUrl, options.projectId(), options.clientEmail(), options.privateKeyId(),
        options.privateKey(), tokenUri, options.timeout());
  }

  private static URI tokenUri() {
    return fake.httpUri().resolve("/token");
  }

  /** A key file as the Firebase console gives it, pointing at the fake token endpoint. */
  private static ObjectNode serviceAccount() {
    return json.createObjectNode()
        .put("type", "service_account")
        .put("project_id", PROJECT)
        .put("private_key_id", KEY_ID)
        .put("private_key", privateKeyPem())
        .put("client_email", CLIENT_EMAIL)
        .put("client_id", "1234567890")
        .put("auth_uri", "https://accounts.google.com/o/oauth2/auth")
        .put("token_uri", tokenUri().toString());
  }

  private static String privateKeyPem() {
    return "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(UTF_8)).encodeToString(serviceAccountKeys.getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
  }

  /** Google's token endpoint: a JWT-bearer grant whose assertion our key signed gets a token. */
  private static HttpResponse issueToken(AggregatedHttpRequest request) {
    QueryParams form = QueryParams.fromQueryString(request.contentUtf8());
    try {
      SignedJWT assertion = SignedJWT.parse(form.get("assertion", ""));
      boolean grant = "urn:ietf:params:oauth:grant-type:jwt-bearer".equals(form.get("grant_type"));
      if (!grant || !assertion.verify(new RSASSAVerifier((RSAPublicKey) serviceAccountKeys.getPublic()))) {
        return HttpResponse.ofJson(HttpStatus.BAD_REQUEST, Map.of("error", "invalid_grant"));
      }
      assertions.add(assertion);
    } catch (Exception e) {
      return HttpResponse.ofJson(HttpStatus.BAD_REQUEST, Map.of("error", "invalid_request"));
    }
    return HttpResponse.ofJson(Map.of("access_token", "ya29.token-" + tokensIssued.incrementAndGet(),
        "expires_in", 3599, "token_type", "Bearer"));
  }

  private static HttpResponse googleError(HttpStatus status, String googleStatus, String message, String fcmErrorCode) {
    return HttpResponse.of(status, MediaType.JSON_UTF_8, errorJson(status.code(), googleStatus, message, fcmErrorCode));
  }

  private static String errorJson(int code, String googleStatus, String message, String fcmErrorCode) {
    ObjectNode root = json.createObjectNode();
    ObjectNode error = root.putObject("error").put("code", code).put("message", message).put("status", googleStatus);
    if (fcmErrorCode != null) {
      error.putArray("details").addObject()
          .put("@type", "type.googleapis.com/google.firebase.fcm.v1.FcmError")
          .put("errorCode", fcmErrorCode);
    }
    return root.toString();
  }

  private static JsonNode readJson(AggregatedHttpRequest request) {
    try {
      return json.readTree(request.contentUtf8());
    } catch (IOException e) {
      return json.missingNode();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** A clock the test moves. */
  static final class TestClock extends Clock {
    private volatile Instant now;

    TestClock(Instant now) {
      this.now = now;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }
}
