package io.fitmesh.reco;

import io.fitmesh.platform.runtime.PlatformRuntime;
import io.fitmesh.reco.adapters.InMemoryDismissals;
import io.fitmesh.reco.adapters.InMemoryGearStore;
import io.fitmesh.reco.adapters.InMemoryProfileStore;
import io.fitmesh.reco.adapters.ScyllaDismissals;
import io.fitmesh.reco.adapters.ScyllaGearStore;
import io.fitmesh.reco.adapters.ScyllaProfileStore;
import io.fitmesh.reco.domain.Dismissals;
import io.fitmesh.reco.domain.GearStore;
import io.fitmesh.reco.domain.ProfileStore;

/**
 * The recommendation service's stores as the runtime's backends make them: CQL (keyspace fitmesh_reco, schema
 * applied here) or the in-memory twins in embedded mode. The one place that picks adapters.
 */
record RecoBackends(GearStore gear, ProfileStore profiles, Dismissals dismissals) {

  static RecoBackends open(PlatformRuntime runtime) {
    return runtime.cql().map(session -> {
      String keyspace = runtime.migrateCql(RecoDeployable.NAME);
      return new RecoBackends(new ScyllaGearStore(session, keyspace), new ScyllaProfileStore(session, keyspace),
          new ScyllaDismissals(session, keyspace));
    }).orElseGet(() -> new RecoBackends(new InMemoryGearStore(), new InMemoryProfileStore(),
        new InMemoryDismissals(runtime.clock())));
  }
}
