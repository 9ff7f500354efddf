package io.fitmesh.training.domain;

/**
 * An event made by {@link WorkoutEvents} that a {@link WorkoutStore} writes in the same atomic step as the
 * change it announces (the outbox). Opaque to the domain.
 */
public interface PendingEvent {}
