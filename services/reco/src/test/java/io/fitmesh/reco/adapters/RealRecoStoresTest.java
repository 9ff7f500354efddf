package io.fitmesh.reco.adapters;

import com.datastax.oss.driver.api.core.CqlSession;
import io.fitmesh.reco.domain.Dismissals;
import io.fitmesh.reco.domain.GearStore;
import io.fitmesh.reco.domain.ProfileStore;
import io.fitmesh.testkit.RealInfra;
import io.fitmesh.testkit.TestKeyspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** The recommendation stores' contract against a real CQL server (a fresh keyspace). */
@ExtendWith(RealInfra.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealRecoStoresTest extends RecoStoresContract {
  private TestKeyspace schema;
  private CqlSession session;
  private String keyspace;
  private ScyllaGearStore gear;
  private ScyllaProfileStore profiles;
  private ScyllaDismissals dismissals;

  @BeforeAll
  void connectAndMigrate() throws Exception {
    schema = TestKeyspace.of("reco");
    session = schema.session();
    keyspace = schema.name();
    gear = new ScyllaGearStore(session, keyspace);
    profiles = new ScyllaProfileStore(session, keyspace);
    dismissals = new ScyllaDismissals(session, keyspace);
  }

  @AfterAll
  void close() {
    schema.close();
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
