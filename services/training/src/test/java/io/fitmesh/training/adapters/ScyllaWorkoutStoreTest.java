package io.fitmesh.training.adapters;

import com.datastax.oss.driver.api.core.CqlSession;
import io.fitmesh.platform.config.PlatformConfig;
import io.fitmesh.platform.events.OutboxStore;
import io.fitmesh.platform.storage.CqlMigrations;
import io.fitmesh.platform.storage.CqlSessionFactory;
import io.fitmesh.platform.storage.ScyllaOutboxStore;
import io.fitmesh.testkit.RealInfra;
import io.fitmesh.training.domain.WorkoutStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** The workout store contract (and the outbox it writes) against a real CQL server. */
@ExtendWith(RealInfra.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScyllaWorkoutStoreTest extends WorkoutStoreContract {
  private CqlSession session;
  private ScyllaOutboxStore outbox;
  private ScyllaWorkoutStore store;

  @BeforeAll
  void connectAndMigrate() throws Exception {
    RealInfra.ensureUp();
    PlatformConfig config = RealInfra.config();
    session = CqlSessionFactory.connect(config.cql());
    CqlMigrations schema = CqlMigrations.forService("training").inKeyspace("fitmesh_training_store_test");
    schema.migrate(session, config.cql().replication());
    outbox = new ScyllaOutboxStore(session, schema.keyspace());
    store = new ScyllaWorkoutStore(session, schema.keyspace(), outbox);
  }

  @AfterAll
  void close() {
    session.close();
  }

  @Override
  WorkoutStore store() {
    return store;
  }

  @Override
  OutboxStore outbox() {
    return outbox;
  }
}
