package io.fitmesh.training.analytics.adapters;

import io.fitmesh.training.analytics.domain.ChallengeStatsStore;

class InMemoryChallengeStatsStoreTest extends ChallengeStatsStoreContract {
  private final ChallengeStatsStore store = new InMemoryChallengeStatsStore();

  @Override
  ChallengeStatsStore store() {
    return store;
  }
}
