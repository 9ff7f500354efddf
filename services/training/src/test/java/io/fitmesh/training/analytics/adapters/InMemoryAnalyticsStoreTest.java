package io.fitmesh.training.analytics.adapters;

import io.fitmesh.training.analytics.domain.AnalyticsStore;

class InMemoryAnalyticsStoreTest extends AnalyticsStoreContract {
  private final AnalyticsStore store = new InMemoryAnalyticsStore();

  @Override
  AnalyticsStore store() {
    return store;
  }
}
