package io.fitmesh.challenge.adapters;

import io.fitmesh.challenge.domain.ChallengeStore;

class InMemoryChallengeStoreTest extends ChallengeStoreContract {
  private final InMemoryChallengeStore store = new InMemoryChallengeStore();

  @Override
  ChallengeStore store() {
    return store;
  }
}
