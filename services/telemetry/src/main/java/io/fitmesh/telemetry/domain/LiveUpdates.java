package io.fitmesh.telemetry.domain;

/** Where live states go (the training.updated topic). Must not block. */
public interface LiveUpdates {
  void publish(LiveState state);
}
