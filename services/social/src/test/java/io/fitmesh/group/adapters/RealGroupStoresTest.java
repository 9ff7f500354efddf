package io.fitmesh.group.adapters;

import com.datastax.oss.driver.api.core.CqlSession;
import io.fitmesh.group.domain.ClubActivityStore;
import io.fitmesh.group.domain.ClubStore;
import io.fitmesh.platform.config.PlatformConfig;
import io.fitmesh.platform.storage.CqlMigrations;
import io.fitmesh.platform.storage.CqlSessionFactory;
import io.fitmesh.platform.storage.ScyllaOutboxStore;
import io.fitmesh.testkit.RealInfra;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** The group stores' contract against a real CQL server (a fresh keyspace, as public clubs are one list). */
@ExtendWith(RealInfra.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealGroupStoresTest extends GroupStoresContract {
  private CqlSession session;
  private String keyspace;
  private ScyllaClubStore clubs;
  private ScyllaClubActivityStore activity;

  @BeforeAll
  void connectAndMigrate() throws Exception {
    RealInfra.ensureUp();
    PlatformConfig config = RealInfra.config();
    session = CqlSessionFactory.connect(config.cql());
    CqlMigrations schema = CqlMigrations.forService("group")
        .inKeyspace("fitmesh_group_test_" + UUID.randomUUID().toString().substring(0, 8));
    schema.migrate(session, config.cql().replication());
    keyspace = schema.keyspace();
    clubs = new ScyllaClubStore(session, keyspace, new ScyllaOutboxStore(session, keyspace));
    activity = new ScyllaClubActivityStore(session, keyspace);
  }

  @AfterAll
  void close() {
    session.execute("DROP KEYSPACE IF EXISTS " + keyspace);
    session.close();
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
