package io.fitmesh.app;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.eatthepath.pushy.apns.server.MockApnsServer;
import com.eatthepath.pushy.apns.server.MockApnsServerBuilder;
import com.eatthepath.pushy.apns.server.UnregisteredDeviceTokenException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.server.Server;
import com.linecorp.armeria.testing.junit5.server.SelfSignedCertificateExtension;
import com.linecorp.armeria.testing.junit5.server.SignedCertificateExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * APNs and FCM as FitMesh meets them in production, on loopback: pushy's mock APNs server over TLS and HTTP/2
 * (a test CA, token auth with a P-256 key), and a fake FCM HTTP v1 server with its OAuth2 token endpoint. The
 * settings point a node at them; the test reads what each received and can make a token dead or the next FCM
 * answers fail.
 */
final class FakePushServices implements AutoCloseable {
  static final String TOPIC = "io.fitmesh.app";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** APNs device token and the alert title it got. */
  record ApnsPush(String token, String title) {}

  /** FCM registration token and the title it got. */
  record FcmPush(String token, String title) {}

  final List<ApnsPush> apns = new CopyOnWriteArrayList<>();
  final List<FcmPush> fcm = new CopyOnWriteArrayList<>();
  final Set<String> deadApnsTokens = ConcurrentHashMap.newKeySet();
  final AtomicInteger fcmFailuresToCome = new AtomicInteger();
  final AtomicInteger fcmAttempts = new AtomicInteger();

  private final SelfSignedCertificateExtension ca = new SelfSignedCertificateExtension("fitmesh-test-ca");
  private final SignedCertificateExtension serverCert =
      new SignedCertificateExtension("localhost", ca, List.of("localhost", "127.0.0.1"));
  private final MockApnsServer apnsServer;
  private final int apnsPort;
  private final Server fcmServer;
  private final Path dir;

  FakePushServices() throws Exception {
    ca.before(null);
    serverCert.before(null);
    dir = Files.createTempDirectory("fitmesh-push");
    apnsServer = new MockApnsServerBuilder()
        .setServerCredentials(new X509Certificate[] {serverCert.certificate(), ca.certificate()},
            serverCert.privateKey(), null)
        .setHandlerFactory(ssl -> (headers, body) -> {
          String path = String.valueOf(headers.path());
          String token = path.substring(path.lastIndexOf('/') + 1);
          if (deadApnsTokens.contains(token)) {
            throw new UnregisteredDeviceTokenException(Instant.now());
          }
          try {
            apns.add(new ApnsPush(token, JSON.readTree(body.toString(UTF_8)).at("/aps/alert/title").asText()));
          } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
          }
        })
        .build();
    apnsPort = (Integer) apnsServer.start(0).get();
    fcmServer = Server.builder().http(0)
        .service("/token", (ctx, req) -> HttpResponse.of(MediaType.JSON,
            "{\"access_token\":\"fake-access-token\",\"expires_in\":3600,\"token_type\":\"Bearer\"}"))
        .service("prefix:/v1/projects/", (ctx, req) -> HttpResponse.of(req.aggregate().thenApply(r -> {
          fcmAttempts.incrementAndGet();
          if (fcmFailuresToCome.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return HttpResponse.of(HttpStatus.SERVICE_UNAVAILABLE);
          }
          try {
            JsonNode message = JSON.readTree(r.contentUtf8()).at("/message");
            fcm.add(new FcmPush(message.at("/token").asText(), message.at("/notification/title").asText()));
          } catch (java.io.IOException e) {
            return HttpResponse.of(HttpStatus.BAD_REQUEST);
          }
          return HttpResponse.of(MediaType.JSON, "{\"name\":\"projects/fitmesh-test/messages/1\"}");
        })))
        .build();
    fcmServer.start().join();
  }

  /** The settings that point FitMesh's push gateways at these servers. */
  Map<String, String> settings() throws Exception {
    KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
    ec.initialize(new ECGenParameterSpec("secp256r1"));
    Path p8 = Files.writeString(dir.resolve("apns.p8"), pem(ec.generateKeyPair()));
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    String fcmBase = "http://127.0.0.1:" + fcmServer.activeLocalPort();
    Path account = Files.writeString(dir.resolve("fcm.json"), JSON.createObjectNode()
        .put("type", "service_account").put("project_id", "fitmesh-test").put("private_key_id", "key-1")
        .put("private_key", pem(rsa.generateKeyPair())).put("client_email", "push@fitmesh-test.iam")
        .put("token_uri", fcmBase + "/token").toString());
    return Map.of(
        "FITMESH_APNS_KEY_FILE", p8.toString(), "FITMESH_APNS_KEY_ID", "KEY1234567",
        "FITMESH_APNS_TEAM_ID", "TEAM123456", "FITMESH_APNS_TOPIC", TOPIC,
        "FITMESH_APNS_SERVER", "localhost:" + apnsPort,
        "FITMESH_APNS_TRUSTED_CA", ca.certificateFile().getAbsolutePath(),
        "FITMESH_FCM_CREDENTIALS", account.toString(), "FITMESH_FCM_BASE_URL", fcmBase);
  }

  private static String pem(KeyPair keys) {
    return "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(UTF_8)).encodeToString(keys.getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
  }

  @Override
  public void close() throws Exception {
    apnsServer.shutdown().get();
    fcmServer.stop().join();
    serverCert.after(null);
    ca.after(null);
  }
}
