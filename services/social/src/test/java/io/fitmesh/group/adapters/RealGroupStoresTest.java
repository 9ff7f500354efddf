package io.fitmesh.group.adapters;

import com.datastax.oss.driver.api.core.CqlSession;
import io.fitmesh.group.domain.ClubActivityStore;
import io.fitmesh.group.domain.ClubStore;
import io.fitmesh.platform.storage.ScyllaOutboxStore;
import io.fitmesh.testkit.RealInfra;
import io.fitmesh.testkit.TestKeyspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** The group stores' contract against a real CQL server (a fresh keyspace, as public clubs are one list). */
@ExtendWith(RealInfra.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealGroupStoresTest extends GroupStoresContract {
  private TestKeyspace schema;
  private CqlSession session;
  private String keyspace;
  private ScyllaClubStore clubs;
  private ScyllaClubActivityStore activity;

  @BeforeAll
  void connectAndMigrate() throws Exception {
    schema = TestKeyspace.of("group");
    session = schema.session();
    keyspace = schema.name();
    clubs = new ScyllaClubStore(session, keyspace, new ScyllaOutboxStore(session, keyspace));
    activity = new ScyllaClubActivityStore(session, keyspace);
  }

  @AfterAll
  void close() {
    schema.close();
  }

  @Override
  ClubStore clubs() {
    return clubs;
  }

  @Override
  ClubActivityStore activity() {
    return activity;
  }
}
