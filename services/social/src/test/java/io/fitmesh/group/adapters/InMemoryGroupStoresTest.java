package io.fitmesh.group.adapters;

import io.fitmesh.group.domain.ClubActivityStore;
import io.fitmesh.group.domain.ClubStore;
import io.fitmesh.platform.events.InMemoryOutboxStore;

class InMemoryGroupStoresTest extends GroupStoresContract {
  private final InMemoryClubStore clubs = new InMemoryClubStore(new InMemoryOutboxStore());
  private final InMemoryClubActivityStore activity = new InMemoryClubActivityStore();

  @Override
  ClubStore clubs() {
    return clubs;
  }

  @Override
  ClubActivityStore activity() {
    return activity;
  }
}
