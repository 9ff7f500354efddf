package io.fitmesh.telemetry.grpc;

import com.datastax.oss.driver.api.core.CqlSession;
import io.fitmesh.platform.config.PlatformConfig;
import io.fitmesh.platform.storage.CqlMigrations;
import io.fitmesh.platform.storage.CqlSessionFactory;
import io.fitmesh.telemetry.adapters.ScyllaCursorStore;
import io.fitmesh.telemetry.adapters.ScyllaSampleStore;
import io.fitmesh.telemetry.domain.CursorStore;
import io.fitmesh.telemetry.domain.SampleStore;
import io.fitmesh.testkit.RealInfra;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RealInfra.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScyllaStreamCancellationTest extends StreamCancellationContract {
  private CqlSession session;
  private SampleStore samples;
  private CursorStore cursors;

  @BeforeAll
  void connect() {
    PlatformConfig config = RealInfra.config();
    session = CqlSessionFactory.connect(config.cql());
    CqlMigrations schema = CqlMigrations.forService("telemetry").inKeyspace("fitmesh_telemetry_cancel_test");
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
