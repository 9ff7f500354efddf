package io.fitmesh.training.analytics.adapters;

import com.datastax.oss.driver.api.core.CqlSession;
import io.fitmesh.platform.config.PlatformConfig;
import io.fitmesh.platform.storage.CqlMigrations;
import io.fitmesh.platform.storage.CqlSessionFactory;
import io.fitmesh.testkit.RealInfra;
import io.fitmesh.training.analytics.domain.AnalyticsStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** The analytics store contract against a real CQL server. */
@ExtendWith(RealInfra.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScyllaAnalyticsStoreTest extends AnalyticsStoreContract {
  private CqlSession session;
  private AnalyticsStore store;

  @BeforeAll
  void connectAndMigrate() {
    PlatformConfig config = RealInfra.config();
    session = CqlSessionFactory.connect(config.cql());
    CqlMigrations schema = CqlMigrations.forService("training").inKeyspace("fitmesh_training_analytics_test");
    schema.migrate(session, config.cql().replication());
    store = new ScyllaAnalyticsStore(session, schema.keyspace());
  }

  @AfterAll
  void close() {
    session.close();
  }

  @Override
  AnalyticsStore store() {
    return store;
  }
}
