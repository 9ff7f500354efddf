package io.fitmesh.notification.adapters.push;

import static java.util.Objects.requireNonNull;

import io.fitmesh.notification.domain.Device;
import io.fitmesh.notification.domain.PushGateway;
import io.fitmesh.notification.domain.PushMessage;
import io.fitmesh.notification.domain.PushResult;
import java.util.Collections;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each push through the gateway that serves the device's platform. A platform no gateway serves answers
 * {@code Failed("no push service configured for <platform>")}. Keeps the port's promise even if a gateway breaks it:
 * a gateway that throws or fails its future answers {@code Failed}. Closing closes every gateway.
 */
public final class RoutingPushGateway implements PushGateway {
  private static final Logger log = LoggerFactory.getLogger(RoutingPushGateway.class);

  private final List<PushGateway> gateways;
  private final Map<Device.Platform, PushGateway> byPlatform;

  /** @throws IllegalArgumentException if two gateways serve the same platform */
  public RoutingPushGateway(List<? extends PushGateway> gateways) {
    this.gateways = List.copyOf(requireNonNull(gateways, "gateways"));
    Map<Device.Platform, PushGateway> routes = new EnumMap<>(Device.Platform.class);
    for (PushGateway gateway : this.gateways) {
      for (Device.Platform platform : gateway.platforms()) {
        PushGateway earlier = routes.putIfAbsent(platform, gateway);
        if (earlier != null && earlier != gateway) {
          throw new IllegalArgumentException("two push gateways serve " + platform);
        }
      }
    }
    this.byPlatform = Collections.unmodifiableMap(routes);
  }

  @Override
  public Set<Device.Platform> platforms() {
    return byPlatform.keySet();
  }

  @Override
  public CompletableFuture<PushResult> send(Device device, PushMessage message) {
    requireNonNull(device, "device");
    requireNonNull(message, "message");
    PushGateway gateway = byPlatform.get(device.platform());
    if (gateway == null) {
      return CompletableFuture.completedFuture(
          new PushResult.Failed("no push service configured for " + device.platform()));
    }
    try {
      CompletableFuture<PushResult> outcome = gateway.send(device, message);
      if (outcome == null) {
        return CompletableFuture.completedFuture(new PushResult.Failed("push gateway answered nothing"));
      }
      return outcome.handle((result, failure) -> failure == null && result != null
          ? result
          : brokenPromise(device.platform(), failure));
    } catch (RuntimeException e) {
      return CompletableFuture.completedFuture(brokenPromise(device.platform(), e));
    }
  }

  /** Closes every gateway, each once, even if one fails to close. */
  @Override
  public void close() {
    Set<PushGateway> closed = Collections.newSetFromMap(new IdentityHashMap<>());
    for (PushGateway gateway : gateways) {
      if (closed.add(gateway)) {
        try {
          gateway.close();
        } catch (RuntimeException e) {
          log.warn("Push gateway {} did not close: {}", gateway, Outcomes.name(e));
        }
      }
    }
  }

  private static PushResult brokenPromise(Device.Platform platform, Throwable failure) {
    String what = failure == null ? "no result" : Outcomes.name(Outcomes.unwrap(failure));
    log.error("The {} push gateway broke its promise: {}", platform, what);
    return new PushResult.Failed("push gateway error: " + what);
  }
}
