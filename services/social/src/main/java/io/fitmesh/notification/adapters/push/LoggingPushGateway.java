package io.fitmesh.notification.adapters.push;

import static java.util.Objects.requireNonNull;

import io.fitmesh.notification.domain.Device;
import io.fitmesh.notification.domain.PushGateway;
import io.fitmesh.notification.domain.PushMessage;
import io.fitmesh.notification.domain.PushResult;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded mode's push service: reaches every platform by logging one INFO line per push (platform, device id,
 * title; never the token) and answering {@code Delivered}. Keeps the last {@link #KEPT} pushes so tests can look.
 */
public final class LoggingPushGateway implements PushGateway {
  /** How many of the latest pushes {@link #sent()} shows. */
  public static final int KEPT = 1000;

  private static final Logger log = LoggerFactory.getLogger(LoggingPushGateway.class);

  /** One push as it was asked for. */
  public record Sent(Device device, PushMessage message) {
    public Sent {
      requireNonNull(device, "device");
      requireNonNull(message, "message");
    }
  }

  private final Deque<Sent> sent = new ArrayDeque<>();

  public LoggingPushGateway() {}

  @Override
  public Set<Device.Platform> platforms() {
    return EnumSet.allOf(Device.Platform.class);
  }

  @Override
  public CompletableFuture<PushResult> send(Device device, PushMessage message) {
    requireNonNull(device, "device");
    requireNonNull(message, "message");
    log.info("Push not sent (embedded mode): {} device {}: {}", device.platform(), device.deviceId(), message.title());
    synchronized (sent) {
      sent.addLast(new Sent(device, message));
      if (sent.size() > KEPT) {
        sent.removeFirst();
      }
    }
    return CompletableFuture.completedFuture(new PushResult.Delivered());
  }

  /** The latest pushes (at most {@link #KEPT}), oldest first. */
  public List<Sent> sent() {
    synchronized (sent) {
      return List.copyOf(sent);
    }
  }

  @Override
  public void close() {
    // nothing to release
  }
}
