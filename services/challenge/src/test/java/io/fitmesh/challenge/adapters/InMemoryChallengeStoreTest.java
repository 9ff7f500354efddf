package io.fitmesh.challenge.adapters;

import io.fitmesh.challenge.domain.ChallengeStore;

class InMemoryChallengeStoreTest extends ChallengeStoreContract {
  private final InMemoryChallengeStore store = new InMemoryChallengeStore(new io.fitmesh.platform.events.InMemoryOutboxStore());

  @Override
  ChallengeStore store() {
    return store;
  }
}
