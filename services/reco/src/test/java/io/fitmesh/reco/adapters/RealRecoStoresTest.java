package io.fitmesh.reco.adapters;

import com.datastax.oss.driver.api.core.CqlSession;
import io.fitmesh.platform.config.PlatformConfig;
import io.fitmesh.platform.storage.CqlMigrations;
import io.fitmesh.platform.storage.CqlSessionFactory;
import io.fitmesh.reco.domain.Dismissals;
import io.fitmesh.reco.domain.GearStore;
import io.fitmesh.reco.domain.ProfileStore;
import io.fitmesh.testkit.RealInfra;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** The recommendation stores' contract against a real CQL server (a fresh keyspace). */
@ExtendWith(RealInfra.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealRecoStoresTest extends RecoStoresContract {
  private CqlSession session;
  private String keyspace;
  private ScyllaGearStore gear;
  private ScyllaProfileStore profiles;
  private ScyllaDismissals dismissals;

  @BeforeAll
  void connectAndMigrate() throws Exception {
    RealInfra.ensureUp();
    PlatformConfig config = RealInfra.config();
    session = CqlSessionFactory.connect(config.cql());
    CqlMigrations schema = CqlMigrations.forService("reco")
        .inKeyspace("fitmesh_reco_test_" + UUID.randomUUID().toString().substring(0, 8));
    schema.migrate(session, config.cql().replication());
    keyspace = schema.keyspace();
    gear = new ScyllaGearStore(session, keyspace);
    profiles = new ScyllaProfileStore(session, keyspace);
    dismissals = new ScyllaDismissals(session, keyspace);
  }

  @AfterAll
  void close() {
    session.execute("DROP KEYSPACE IF EXISTS " + keyspace);
    session.close();
  }

  @Override
  GearStore gear() {
    return gear;
  }

  @Override
  ProfileStore profiles() {
    return profiles;
  }

  @Override
  Dismissals dismissals() {
    return dismissals;
  }
}
