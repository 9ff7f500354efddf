package io.fitmesh.reco.adapters;

import io.fitmesh.reco.domain.Dismissals;
import io.fitmesh.reco.domain.GearStore;
import io.fitmesh.reco.domain.ProfileStore;
import java.time.Clock;

/** The recommendation stores' contract on the in-memory twins. */
class InMemoryRecoStoresTest extends RecoStoresContract {
  private final InMemoryGearStore gear = new InMemoryGearStore();
  private final InMemoryProfileStore profiles = new InMemoryProfileStore();
  private final InMemoryDismissals dismissals = new InMemoryDismissals(Clock.systemUTC());

  @Override
  GearStore gear() {
    return gear;
  }

  @Override
  ProfileStore profiles() {
    return profiles;
  }

  @Override
  Dismissals dismissals() {
    return dismissals;
  }
}
