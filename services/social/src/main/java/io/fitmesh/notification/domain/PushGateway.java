package io.fitmesh.notification.domain;

import java.util.concurrent.CompletableFuture;

/**
 * Sends one push to one device through its platform's push service. Never throws and never fails the future:
 * every outcome, connection faults included, is a {@link PushResult}. Retrying is the caller's job.
 */
public interface PushGateway extends AutoCloseable {

  /** The platforms this gateway reaches. */
  java.util.Set<Device.Platform> platforms();

  CompletableFuture<PushResult> send(Device device, PushMessage message);

  @Override
  void close();
}
