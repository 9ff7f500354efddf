package io.fitmesh.platform.domain;

/**
 * An event a use case made for a change, which the store writes in the same step as the change (the outbox) and
 * a relay publishes afterwards. Opaque to domain code, which only hands it from its events port to its store.
 */
public interface PendingEvent {}
