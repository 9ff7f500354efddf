package io.fitmesh.group;

import io.fitmesh.group.adapters.InMemoryClubActivityStore;
import io.fitmesh.group.adapters.InMemoryClubStore;
import io.fitmesh.group.adapters.ScyllaClubActivityStore;
import io.fitmesh.group.adapters.ScyllaClubStore;
import io.fitmesh.group.domain.ClubActivityStore;
import io.fitmesh.group.domain.ClubStore;
import io.fitmesh.platform.events.InMemoryOutboxStore;
import io.fitmesh.platform.events.OutboxStore;
import io.fitmesh.platform.runtime.PlatformRuntime;
import io.fitmesh.platform.storage.ScyllaOutboxStore;

/**
 * The group service's stores as the runtime's backends make them: CQL (keyspace fitmesh_group, schema applied
 * here, with the outbox of its events) or the in-memory twins in embedded mode. The one place that picks adapters.
 */
record GroupBackends(ClubStore clubs, ClubActivityStore activity, OutboxStore outbox) {

  static GroupBackends open(PlatformRuntime runtime) {
    return runtime.cql().map(session -> {
      String keyspace = runtime.migrateCql(GroupDeployable.NAME);
      ScyllaOutboxStore outbox = new ScyllaOutboxStore(session, keyspace);
      return new GroupBackends(new ScyllaClubStore(session, keyspace, outbox),
          new ScyllaClubActivityStore(session, keyspace), outbox);
    }).orElseGet(() -> {
      InMemoryOutboxStore outbox = new InMemoryOutboxStore();
      return new GroupBackends(new InMemoryClubStore(outbox), new InMemoryClubActivityStore(), outbox);
    });
  }
}
