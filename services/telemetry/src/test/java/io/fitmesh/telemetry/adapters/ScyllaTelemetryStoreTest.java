package io.fitmesh.telemetry.adapters;

import com.datastax.oss.driver.api.core.CqlSession;
import io.fitmesh.platform.config.PlatformConfig;
import io.fitmesh.platform.storage.CqlMigrations;
import io.fitmesh.platform.storage.CqlSessionFactory;
import io.fitmesh.telemetry.domain.CursorStore;
import io.fitmesh.telemetry.domain.SampleStore;
import io.fitmesh.testkit.RealInfra;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** The telemetry store contract against a real CQL server. */
@ExtendWith(RealInfra.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScyllaTelemetryStoreTest extends TelemetryStoreContract {
  private CqlSession session;
  private ScyllaSampleStore samples;
  private ScyllaCursorStore cursors;

  @BeforeAll
  void connectAndMigrate() throws Exception {
    RealInfra.ensureUp();
    PlatformConfig config = RealInfra.config();
    session = CqlSessionFactory.connect(config.cql());
    CqlMigrations schema = CqlMigrations.forService("telemetry").inKeyspace("fitmesh_telemetry_store_test");
    schema.migrate(session, config.cql().replication());
    samples = new ScyllaSampleStore(session, schema.keyspace());
    cursors = new ScyllaCursorStore(session, schema.keyspace());
  }

  @AfterAll
  void close() {
    session.close();
  }

  @Override
  SampleStore samples() {
    return samples;
  }

  @Override
  CursorStore cursors() {
    return cursors;
  }
}
