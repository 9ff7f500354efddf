package io.fitmesh.challenge.adapters;

import com.datastax.oss.driver.api.core.CqlSession;
import io.fitmesh.challenge.domain.ChallengeStore;
import io.fitmesh.platform.config.PlatformConfig;
import io.fitmesh.platform.storage.CqlMigrations;
import io.fitmesh.platform.storage.CqlSessionFactory;
import io.fitmesh.testkit.RealInfra;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** The challenge store contract against a real CQL server. */
@ExtendWith(RealInfra.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScyllaChallengeStoreTest extends ChallengeStoreContract {
  private CqlSession session;
  private ScyllaChallengeStore store;

  @BeforeAll
  void connectAndMigrate() throws Exception {
    RealInfra.ensureUp();
    PlatformConfig config = RealInfra.config();
    session = CqlSessionFactory.connect(config.cql());
    CqlMigrations schema = CqlMigrations.forService("challenge").inKeyspace("fitmesh_challenge_store_test");
    schema.migrate(session, config.cql().replication());
    store = new ScyllaChallengeStore(session, schema.keyspace(),
        new io.fitmesh.platform.storage.ScyllaOutboxStore(session, schema.keyspace()));
  }

  @AfterAll
  void close() {
    session.close();
  }

  @Override
  ChallengeStore store() {
    return store;
  }
}
