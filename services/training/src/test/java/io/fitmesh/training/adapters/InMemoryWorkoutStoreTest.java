package io.fitmesh.training.adapters;

import io.fitmesh.platform.events.InMemoryOutboxStore;
import io.fitmesh.platform.events.OutboxStore;
import io.fitmesh.training.domain.WorkoutStore;

class InMemoryWorkoutStoreTest extends WorkoutStoreContract {
  private final InMemoryOutboxStore outbox = new InMemoryOutboxStore();
  private final InMemoryWorkoutStore store = new InMemoryWorkoutStore(outbox);

  @Override
  WorkoutStore store() {
    return store;
  }

  @Override
  OutboxStore outbox() {
    return outbox;
  }
}
