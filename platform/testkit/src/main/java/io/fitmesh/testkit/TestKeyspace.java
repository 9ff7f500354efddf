package io.fitmesh.testkit;

import com.datastax.oss.driver.api.core.CqlSession;
import io.fitmesh.platform.config.PlatformConfig;
import io.fitmesh.platform.storage.CqlMigrations;
import io.fitmesh.platform.storage.CqlSessionFactory;
import java.util.UUID;

/**
 * A service's schema in a keyspace of its own on the real CQL server (no other test sees its rows or leases), with
 * a session to it; closing drops the keyspace and closes the session.
 */
public final class TestKeyspace implements AutoCloseable {
  private final CqlSession session;
  private final String name;

  private TestKeyspace(CqlSession session, String name) {
    this.session = session;
    this.name = name;
  }

  /** Starts the real servers unless they run, connects, and migrates {@code service}'s schema into a new keyspace. */
  public static TestKeyspace of(String service) throws Exception {
    RealInfra.ensureUp();
    PlatformConfig config = RealInfra.config();
    CqlSession session = CqlSessionFactory.connect(config.cql());
    try {
      CqlMigrations schema = CqlMigrations.forService(service)
          .inKeyspace("fitmesh_" + service + "_test_" + UUID.randomUUID().toString().substring(0, 8));
      schema.migrate(session, config.cql().replication());
      return new TestKeyspace(session, schema.keyspace());
    } catch (RuntimeException e) {
      session.close();
      throw e;
    }
  }

  public CqlSession session() {
    return session;
  }

  /** The keyspace's name, for the stores under test and a test's own statements. */
  public String name() {
    return name;
  }

  @Override
  public void close() {
    try {
      session.execute("DROP KEYSPACE IF EXISTS " + name);
    } finally {
      session.close();
    }
  }
}
