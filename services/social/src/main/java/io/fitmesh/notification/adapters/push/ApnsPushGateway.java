package io.fitmesh.notification.adapters.push;

import static java.util.Objects.requireNonNull;

import com.eatthepath.pushy.apns.ApnsClient;
import com.eatthepath.pushy.apns.ApnsClientBuilder;
import com.eatthepath.pushy.apns.DeliveryPriority;
import com.eatthepath.pushy.apns.PushNotificationResponse;
import com.eatthepath.pushy.apns.PushType;
import com.eatthepath.pushy.apns.auth.ApnsSigningKey;
import com.eatthepath.pushy.apns.util.ApnsPayloadBuilder;
import com.eatthepath.pushy.apns.util.SimpleApnsPayloadBuilder;
import com.eatthepath.pushy.apns.util.SimpleApnsPushNotification;
import com.eatthepath.pushy.apns.util.TokenUtil;
import io.fitmesh.notification.domain.Device;
import io.fitmesh.notification.domain.PushGateway;
import io.fitmesh.notification.domain.PushMessage;
import io.fitmesh.notification.domain.PushResult;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends alert pushes to iPhones through APNs (HTTP/2, token authentication) with pushy.
 *
 * <p>Guarantees: {@link #send} never throws and its future never fails; it completes, on a thread that is not a network
 * I/O thread, within the connect timeout plus {@link #ANSWER_ALLOWANCE}. Outcomes: accepted is {@code Delivered}; 410,
 * Unregistered, BadDeviceToken and DeviceTokenNotForTopic are {@code DeadToken}; 429, 500, 503 and
 * ExpiredProviderToken (pushy reconnects with a fresh provider token) are {@code RetryLater} with no wait (APNs gives
 * no Retry-After); every other rejection is {@code Failed}; a connection that could not be made, broke or gave no
 * answer in time is {@code RetryLater}. Reasons carry APNs' status and reason, never the device token.
 */
public final class ApnsPushGateway implements PushGateway {
  /** How long APNs keeps trying to reach a device that is offline. */
  public static final Duration EXPIRATION = Duration.ofDays(1);
  /** Time allowed, beyond the connect timeout, for the TLS handshake and APNs' answer. */
  public static final Duration ANSWER_ALLOWANCE = Duration.ofSeconds(30);

  private static final Logger log = LoggerFactory.getLogger(ApnsPushGateway.class);
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);
  private static final Set<String> DEAD_TOKEN_REASONS =
      Set.of("Unregistered", "BadDeviceToken", "DeviceTokenNotForTopic", "ExpiredToken");
  private static final Set<Integer> RETRYABLE_STATUSES = Set.of(429, 500, 503);
  private static final String EXPIRED_PROVIDER_TOKEN = "ExpiredProviderToken";
  private static final String RESERVED_PAYLOAD_KEY = "aps";

  private final ApnsOptions options;
  private final ApnsClient client;
  private final Duration answerDeadline;
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * Builds the client; it connects on the first send.
   *
   * @throws IllegalArgumentException if the signing key is not a usable P-256 key
   * @throws IllegalStateException if the TLS context could not be built
   */
  public ApnsPushGateway(ApnsOptions options) {
    this.options = requireNonNull(options, "options");
    this.client = newClient(options);
    this.answerDeadline = options.connectTimeout().plus(ANSWER_ALLOWANCE);
  }

  @Override
  public Set<Device.Platform> platforms() {
    return Set.of(Device.Platform.APNS);
  }

  @Override
  public CompletableFuture<PushResult> send(Device device, PushMessage message) {
    requireNonNull(device, "device");
    requireNonNull(message, "message");
    if (device.platform() != Device.Platform.APNS) {
      return CompletableFuture.completedFuture(
          new PushResult.Failed("the APNs gateway cannot reach " + device.platform() + " devices"));
    }
    if (closed.get()) {
      return CompletableFuture.completedFuture(new PushResult.RetryLater(Duration.ZERO, "APNs gateway closed"));
    }
    CompletableFuture<PushResult> outcome;
    try {
      outcome = client.sendNotification(notification(device, message))
          .handle((response, failure) -> failure == null ? classify(response) : Outcomes.connectionFailure(failure))
          .completeOnTimeout(new PushResult.RetryLater(Duration.ZERO, "connection: no answer within " + answerDeadline),
              answerDeadline.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RuntimeException e) {
      outcome = CompletableFuture.completedFuture(Outcomes.connectionFailure(e));
    }
    return Outcomes.completedOffIoThreads(outcome.whenComplete((result, failure) ->
        log.debug("APNs push to device {}: {}", device.deviceId(), result)));
  }

  /** Closes the connections, waiting at most 10 s for sends in flight. Later sends answer {@code RetryLater}. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      client.close().get(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      log.warn("APNs client did not close cleanly within {}: {}", CLOSE_WAIT, Outcomes.name(Outcomes.unwrap(e)));
    }
  }

  /** How APNs' answer reads as a {@link PushResult}. */
  static PushResult classify(PushNotificationResponse<?> response) {
    if (response.isAccepted()) {
      return new PushResult.Delivered();
    }
    int status = response.getStatusCode();
    String reason = response.getRejectionReason().orElse("");
    String described = Outcomes.shorten("apns: " + status + (reason.isEmpty() ? "" : " " + reason));
    if (status == 410 || DEAD_TOKEN_REASONS.contains(reason)) {
      return new PushResult.DeadToken(described);
    }
    if (RETRYABLE_STATUSES.contains(status) || EXPIRED_PROVIDER_TOKEN.equals(reason)) {
      return new PushResult.RetryLater(Duration.ZERO, described);
    }
    return new PushResult.Failed(described);
  }

  private SimpleApnsPushNotification notification(Device device, PushMessage message) {
    ApnsPayloadBuilder payload = new SimpleApnsPayloadBuilder()
        .setAlertTitle(message.title())
        .setAlertBody(message.body());
    message.data().forEach((key, value) -> {
      if (!RESERVED_PAYLOAD_KEY.equals(key)) {
        payload.addCustomProperty(key, value);
      }
    });
    return new SimpleApnsPushNotification(TokenUtil.sanitizeTokenString(device.token()), options.topic(),
        payload.build(), Instant.now().plus(EXPIRATION), DeliveryPriority.IMMEDIATE, PushType.ALERT,
        CollapseIds.forApns(message.collapseKey()));
  }

  private static ApnsClient newClient(ApnsOptions options) {
    ApnsSigningKey signingKey;
    try {
      signingKey = new ApnsSigningKey(options.keyId(), options.teamId(), options.signingKey());
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("APNs signing key is not a usable P-256 key: " + Outcomes.name(e));
    }
    // No setEventLoopGroup: pushy accepts only Netty 4.1 group classes, so it runs its own single I/O thread.
    ApnsClientBuilder builder = new ApnsClientBuilder()
        .setApnsServer(options.host(), options.port())
        .setSigningKey(signingKey)
        .setConnectionTimeout(options.connectTimeout());
    if (!options.trustedServerCertificates().isEmpty()) {
      builder.setTrustedServerCertificateChain(options.trustedServerCertificates().toArray(X509Certificate[]::new));
    }
    try {
      return builder.build();
    } catch (SSLException e) {
      throw new IllegalStateException("APNs TLS context could not be built", e);
    }
  }
}
