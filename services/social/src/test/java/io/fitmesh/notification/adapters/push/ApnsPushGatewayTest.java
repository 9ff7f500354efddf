package io.fitmesh.notification.adapters.push;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.eatthepath.pushy.apns.auth.ApnsVerificationKey;
import com.eatthepath.pushy.apns.server.AcceptAllPushNotificationHandlerFactory;
import com.eatthepath.pushy.apns.server.MockApnsServer;
import com.eatthepath.pushy.apns.server.MockApnsServerBuilder;
import com.eatthepath.pushy.apns.server.PushNotificationHandlerFactory;
import com.eatthepath.pushy.apns.server.RejectedNotificationException;
import com.eatthepath.pushy.apns.server.RejectionReason;
import com.eatthepath.pushy.apns.server.UnregisteredDeviceTokenException;
import com.eatthepath.pushy.apns.server.ValidatingPushNotificationHandlerFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.linecorp.armeria.testing.junit5.server.SelfSignedCertificateExtension;
import com.linecorp.armeria.testing.junit5.server.SignedCertificateExtension;
import io.fitmesh.notification.domain.Device;
import io.fitmesh.notification.domain.PushMessage;
import io.fitmesh.notification.domain.PushResult;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.internal.ThreadExecutorMap;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The APNs gateway against pushy's mock APNs over real TLS and HTTP/2 on loopback, trusting a test CA. */
class ApnsPushGatewayTest {
  private static final String TEAM_ID = "TEAM123456";
  private static final String KEY_ID = "KEY1234567";
  private static final String TOPIC = "io.fitmesh.app";
  private static final String TOKEN = "a".repeat(64);
  /** Generous: loopback answers in milliseconds, but the machine may be busy. */
  private static final long ANSWER_SECONDS = 60;

  @RegisterExtension
  @Order(1)
  static final SelfSignedCertificateExtension ca = new SelfSignedCertificateExtension("fitmesh-test-ca");

  @RegisterExtension
  @Order(2)
  static final SignedCertificateExtension serverCert =
      new SignedCertificateExtension("localhost", ca, List.of("localhost", "127.0.0.1"));

  @TempDir
  static Path files;

  /** What the server does with the next notification; switched per test, read per notification. */
  private static final AtomicReference<PushNotificationHandlerFactory> mode = new AtomicReference<>();
  private static final ConcurrentLinkedQueue<Seen> seen = new ConcurrentLinkedQueue<>();
  private static final ObjectMapper json = new ObjectMapper();

  private static KeyPair signingKeys;
  private static MockApnsServer server;
  private static ApnsOptions options;
  private static ApnsPushGateway gateway;

  /** A notification as the server received it. */
  record Seen(String topic, String pushType, String collapseId, String payload) {}

  @BeforeAll
  static void startServerAndGateway() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    signingKeys = generator.generateKeyPair();
    Path p8 = files.resolve("AuthKey_" + KEY_ID + ".p8");
    Files.writeString(p8, pem("PRIVATE KEY", signingKeys.getPrivate().getEncoded()));

    server = startServer();
    options = new ApnsOptions("localhost", server.start(0).get(ANSWER_SECONDS, TimeUnit.SECONDS), TEAM_ID, KEY_ID,
        ApnsOptions.readSigningKey(p8), TOPIC, ApnsOptions.readCertificates(ca.certificateFile().toPath()),
        Duration.ofSeconds(5));
    gateway = new ApnsPushGateway(options);
  }

  @AfterAll
  static void stopServerAndGateway() throws Exception {
    if (gateway != null) {
      gateway.close();
    }
    if (server != null) {
      server.shutdown().get(ANSWER_SECONDS, TimeUnit.SECONDS);
    }
  }

  @BeforeEach
  void acceptEverything() {
    mode.set(new AcceptAllPushNotificationHandlerFactory());
    seen.clear();
  }

  @Test
  void aPushApnsAccepts_isDelivered_withTopicAlertDataAndCollapseId() throws Exception {
    mode.set(validating());

    PushResult result = send(gateway, device(TOKEN), message("kudos:w1"));

    assertThat(result).isEqualTo(new PushResult.Delivered());
    assertThat(seen).hasSize(1);
    Seen push = seen.peek();
    assertThat(push.topic()).isEqualTo(TOPIC);
    assertThat(push.pushType()).isEqualTo("alert");
    assertThat(push.collapseId()).isEqualTo("kudos:w1");
    JsonNode payload = json.readTree(push.payload());
    assertThat(payload.at("/aps/alert/title").asText()).isEqualTo("Kudos");
    assertThat(payload.at("/aps/alert/body").asText()).isEqualTo("Ada liked your run");
    assertThat(payload.path("notificationId").asText()).isEqualTo("n-1");
    assertThat(payload.path("kind").asText()).isEqualTo("kudos");
  }

  @Test
  void theResult_completesOffTheNetworkThreads_soCallersMayBlock() throws Exception {
    EventExecutor completingExecutor = gateway.send(device(TOKEN), message("k"))
        .thenApply(result -> ThreadExecutorMap.currentExecutor())
        .get(ANSWER_SECONDS, TimeUnit.SECONDS);

    assertThat(completingExecutor).isNull();
  }

  @Test
  void aCollapseKeyOver64Bytes_isSentAsAStableHashThatFits() throws Exception {
    String longKey = "kudos:" + "w".repeat(100);

    send(gateway, device(TOKEN), message(longKey));
    send(gateway, device(TOKEN), message(longKey));

    List<String> ids = seen.stream().map(Seen::collapseId).toList();
    assertThat(ids).hasSize(2);
    assertThat(ids.get(0)).isNotEqualTo(longKey).isEqualTo(ids.get(1));
    assertThat(ids.get(0).getBytes(UTF_8).length).isLessThanOrEqualTo(64);
  }

  @Test
  void aTokenApnsCallsUnregistered_isDead() throws Exception {
    Instant goneSince = Instant.now().minus(1, ChronoUnit.DAYS);
    mode.set(ssl -> (headers, body) -> {
      throw new UnregisteredDeviceTokenException(goneSince);
    });

    PushResult result = send(gateway, device(TOKEN), message("k"));

    assertThat(result).isInstanceOf(PushResult.DeadToken.class);
    assertThat(((PushResult.DeadToken) result).reason()).contains("410").contains("Unregistered");
  }

  @Test
  void aBadDeviceToken_isDead() throws Exception {
    mode.set(rejecting(RejectionReason.BAD_DEVICE_TOKEN));

    PushResult result = send(gateway, device(TOKEN), message("k"));

    assertThat(result).isEqualTo(new PushResult.DeadToken("apns: 400 BadDeviceToken"));
  }

  @Test
  void aTokenOfAnotherApp_isDead() throws Exception {
    mode.set(validating());

    PushResult result = send(gateway, device("c".repeat(64)), message("k"));

    assertThat(result).isEqualTo(new PushResult.DeadToken("apns: 400 DeviceTokenNotForTopic"));
  }

  @ParameterizedTest
  @EnumSource(value = RejectionReason.class,
      names = {"SERVICE_UNAVAILABLE", "TOO_MANY_REQUESTS", "INTERNAL_SERVER_ERROR", "EXPIRED_PROVIDER_TOKEN"})
  void aPushApnsCannotTakeNow_isRetriedLaterWithoutAWait(RejectionReason reason) throws Exception {
    mode.set(rejecting(reason));

    PushResult result = send(gateway, device(TOKEN), message("k"));

    assertThat(result).isInstanceOf(PushResult.RetryLater.class);
    assertThat(((PushResult.RetryLater) result).after()).isZero();
    assertThat(((PushResult.RetryLater) result).reason()).contains(apnsText(reason));
  }

  @Test
  void aPayloadOverFourKilobytes_failsForGood() throws Exception {
    mode.set(validating());
    PushMessage huge = new PushMessage("Kudos", "Ada liked your run", "k", Map.of("blob", "x".repeat(5000)));

    PushResult result = send(gateway, device(TOKEN), huge);

    assertThat(result).isEqualTo(new PushResult.Failed("apns: 413 PayloadTooLarge"));
  }

  @ParameterizedTest
  @EnumSource(value = RejectionReason.class, names = {"BAD_TOPIC", "INVALID_PROVIDER_TOKEN", "BAD_COLLAPSE_ID"})
  void aPushApnsRefusesForItsContentOrCredentials_failsForGood(RejectionReason reason) throws Exception {
    mode.set(rejecting(reason));

    PushResult result = send(gateway, device(TOKEN), message("k"));

    assertThat(result).isInstanceOf(PushResult.Failed.class);
    assertThat(((PushResult.Failed) result).reason()).contains(apnsText(reason));
  }

  @Test
  void aDeviceOfAnotherPlatform_failsWithoutReachingApns() throws Exception {
    Device android = new Device("athlete-1", "device-2", Device.Platform.FCM, "fcm-token", Instant.EPOCH);

    PushResult result = send(gateway, android, message("k"));

    assertThat(result).isInstanceOf(PushResult.Failed.class);
    assertThat(seen).isEmpty();
  }

  @Test
  void aServerThatStopped_isRetriedLater() throws Exception {
    MockApnsServer stopping = startServer();
    int port = stopping.start(0).get(ANSWER_SECONDS, TimeUnit.SECONDS);
    try (ApnsPushGateway toStopping = new ApnsPushGateway(optionsFor(port))) {
      assertThat(send(toStopping, device(TOKEN), message("k"))).isEqualTo(new PushResult.Delivered());
      stopping.shutdown().get(ANSWER_SECONDS, TimeUnit.SECONDS);

      PushResult result = send(toStopping, device(TOKEN), message("k"));

      assertThat(result).isInstanceOf(PushResult.RetryLater.class);
      assertThat(((PushResult.RetryLater) result).reason()).startsWith("connection: ");
    }
  }

  @Test
  void aPortNobodyListensOn_isRetriedLater() throws Exception {
    try (ApnsPushGateway toNowhere = new ApnsPushGateway(optionsFor(freePort()))) {

      PushResult result = send(toNowhere, device(TOKEN), message("k"));

      assertThat(result).isInstanceOf(PushResult.RetryLater.class);
      assertThat(((PushResult.RetryLater) result).reason()).startsWith("connection: ");
    }
  }

  @Test
  void aServerThatNeverCompletesTheHandshake_isRetriedLaterInsteadOfHanging() throws Exception {
    List<Socket> accepted = new ArrayList<>();
    try (ServerSocket silent = new ServerSocket(0);
         ApnsPushGateway toSilent = new ApnsPushGateway(optionsFor(silent.getLocalPort()))) {
      Thread acceptor = new Thread(() -> {
        try {
          while (true) {
            accepted.add(silent.accept());
          }
        } catch (IOException closed) {
          // the test is over
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();

      PushResult result = send(toSilent, device(TOKEN), message("k"));

      assertThat(result).isInstanceOf(PushResult.RetryLater.class);
      assertThat(((PushResult.RetryLater) result).reason()).startsWith("connection: ");
    } finally {
      for (Socket socket : accepted) {
        socket.close();
      }
    }
  }

  @Test
  void aClosedGateway_answersRetryLater() throws Exception {
    ApnsPushGateway closing = new ApnsPushGateway(options);
    closing.close();

    PushResult result = send(closing, device(TOKEN), message("k"));

    assertThat(result).isEqualTo(new PushResult.RetryLater(Duration.ZERO, "APNs gateway closed"));
  }

  @Test
  void aP8FileInSec1Form_isRefusedWithoutShowingTheKey() throws Exception {
    Path sec1 = files.resolve("sec1.pem");
    Files.writeString(sec1, pem("EC PRIVATE KEY", new byte[] {1, 2, 3}));

    assertThatThrownBy(() -> ApnsOptions.readSigningKey(sec1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PKCS#8")
        .hasMessageNotContaining("AQID");
  }

  @Test
  void optionsNeverShowTheSigningKey() {
    assertThat(options.toString()).contains("signingKey=(hidden)").doesNotContain(options.signingKey().getS().toString());
  }

  private static PushResult send(ApnsPushGateway gateway, Device device, PushMessage message) throws Exception {
    return gateway.send(device, message).get(ANSWER_SECONDS, TimeUnit.SECONDS);
  }

  private static Device device(String token) {
    return new Device("athlete-1", "device-1", Device.Platform.APNS, token, Instant.EPOCH);
  }

  private static PushMessage message(String collapseKey) {
    return new PushMessage("Kudos", "Ada liked your run", collapseKey, Map.of("notificationId", "n-1", "kind", "kudos"));
  }

  private static MockApnsServer startServer() throws Exception {
    return new MockApnsServerBuilder()
        .setServerCredentials(new X509Certificate[] {serverCert.certificate(), ca.certificate()},
            serverCert.privateKey(), null)
        // buildHandler runs once per TLS connection: delegate per notification so a test can switch behaviour
        .setHandlerFactory(ssl -> (headers, body) -> {
          seen.add(new Seen(String.valueOf(headers.get("apns-topic")), String.valueOf(headers.get("apns-push-type")),
              String.valueOf(headers.get("apns-collapse-id")), body.toString(UTF_8)));
          mode.get().buildHandler(ssl).handlePushNotification(headers, body);
        })
        .build();
  }

  private static ApnsOptions optionsFor(int port) {
    return new ApnsOptions("localhost", port, TEAM_ID, KEY_ID, (ECPrivateKey) signingKeys.getPrivate(), TOPIC,
        List.of(ca.certificate()), Duration.ofSeconds(2));
  }

  /** Knows our token for our topic and checks the provider JWT against our public key, as APNs does. */
  private static PushNotificationHandlerFactory validating() throws Exception {
    ApnsVerificationKey verificationKey =
        new ApnsVerificationKey(KEY_ID, TEAM_ID, (ECPublicKey) signingKeys.getPublic());
    return new ValidatingPushNotificationHandlerFactory(Map.of(TOPIC, Set.of(TOKEN)), Map.of(),
        Map.of(KEY_ID, verificationKey), Map.of(verificationKey, Set.of(TOPIC)));
  }

  private static PushNotificationHandlerFactory rejecting(RejectionReason reason) {
    return ssl -> (headers, body) -> {
      throw new RejectedNotificationException(reason);
    };
  }

  /** The reason as APNs spells it: SERVICE_UNAVAILABLE is ServiceUnavailable. */
  private static String apnsText(RejectionReason reason) {
    StringBuilder text = new StringBuilder();
    for (String word : reason.name().split("_")) {
      text.append(word.charAt(0)).append(word.substring(1).toLowerCase(java.util.Locale.ROOT));
    }
    return text.toString();
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(UTF_8)).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
