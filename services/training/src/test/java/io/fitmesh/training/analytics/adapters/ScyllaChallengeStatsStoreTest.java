package io.fitmesh.training.analytics.adapters;

import com.datastax.oss.driver.api.core.CqlSession;
import io.fitmesh.platform.config.PlatformConfig;
import io.fitmesh.platform.storage.CqlMigrations;
import io.fitmesh.platform.storage.CqlSessionFactory;
import io.fitmesh.testkit.RealInfra;
import io.fitmesh.training.analytics.domain.ChallengeStatsStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** The challenge statistics store contract against a real CQL server. */
@ExtendWith(RealInfra.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScyllaChallengeStatsStoreTest extends ChallengeStatsStoreContract {
  private CqlSession session;
  private ChallengeStatsStore store;

  @BeforeAll
  void connectAndMigrate() {
    PlatformConfig config = RealInfra.config();
    session = CqlSessionFactory.connect(config.cql());
    CqlMigrations schema = CqlMigrations.forService("training").inKeyspace("fitmesh_training_challenge_stats_test");
    schema.migrate(session, config.cql().replication());
    store = new ScyllaChallengeStatsStore(session, schema.keyspace());
  }

  @AfterAll
  void close() {
    session.close();
  }

  @Override
  ChallengeStatsStore store() {
    return store;
  }
}
