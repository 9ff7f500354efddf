package io.fitmesh.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import io.fitmesh.platform.config.PlatformConfig.CqlConsistency;
import io.fitmesh.platform.config.PlatformConfig.CqlSettings;
import io.fitmesh.platform.errors.BackendUnreachableException;
import io.fitmesh.platform.storage.CqlMigrations;
import io.fitmesh.platform.storage.CqlSessionFactory;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The CQL session factory and migration runner against a real CQL server. */
@ExtendWith(RealInfra.class)
class CqlSessionFactoryTest {

  @Test
  void migrate_twice_appliesEachMigrationOnceAndTheTablesWork() {
    CqlSettings cql = RealInfra.config().cql();
    CqlMigrations schema = CqlMigrations.forService("contract");
    try (CqlSession session = CqlSessionFactory.connect(cql)) {
      session.execute("DROP KEYSPACE IF EXISTS " + schema.keyspace());

      int first = schema.migrate(session, cql.replication());
      int second = schema.migrate(session, cql.replication());

      assertThat(first).isEqualTo(2);
      assertThat(second).isZero();
      session.execute(SimpleStatement.newInstance(
          "INSERT INTO fitmesh_contract.samples (workout_id, seq, value) VALUES (?, ?, ?)", "w1", 0, 1.5));
      assertThat(session.execute("SELECT value FROM fitmesh_contract.samples WHERE workout_id = 'w1'")
          .one().getDouble("value")).isEqualTo(1.5);
    }
  }

  @Test
  void migrate_whenAnAppliedMigrationWasEdited_refusesToRun() {
    CqlSettings cql = RealInfra.config().cql();
    try (CqlSession session = CqlSessionFactory.connect(cql)) {
      session.execute("DROP KEYSPACE IF EXISTS fitmesh_edited");
      CqlMigrations.parse("fitmesh_edited", "-- migration 1: t\nCREATE TABLE {keyspace}.t (id int PRIMARY KEY);")
          .migrate(session, cql.replication());

      CqlMigrations edited = CqlMigrations.parse("fitmesh_edited",
          "-- migration 1: t\nCREATE TABLE {keyspace}.t (id int PRIMARY KEY, extra text);");

      assertThatThrownBy(() -> edited.migrate(session, cql.replication()))
          .hasMessageContaining("migration 1 was applied with other text");
    }
  }

  /**
   * A keyspace of three replicas on this one-node server: a write at a local quorum needs two of them and is
   * refused, one at LOCAL_ONE lands. So the level set is the level every request is made at.
   */
  @Test
  void requests_areMadeAtALocalQuorum_unlessAnotherLevelIsSet() {
    CqlSettings cql = RealInfra.config().cql();
    try (CqlSession session = CqlSessionFactory.connect(cql)) {
      session.execute("DROP KEYSPACE IF EXISTS fitmesh_three_replicas");
      session.execute("CREATE KEYSPACE fitmesh_three_replicas WITH replication = "
          + "{'class': 'SimpleStrategy', 'replication_factor': 3}");
      session.execute("CREATE TABLE fitmesh_three_replicas.t (id int PRIMARY KEY)");

      assertThat(cql.consistency()).isEqualTo(CqlConsistency.LOCAL_QUORUM);
      assertThatThrownBy(() -> session.execute("INSERT INTO fitmesh_three_replicas.t (id) VALUES (1)"))
          .hasMessageContaining("Not enough replicas available for query at consistency LOCAL_QUORUM");
    }
    CqlSettings localOne = new CqlSettings(cql.contactPoints(), cql.localDatacenter(), cql.replication(),
        cql.requestTimeout(), CqlConsistency.LOCAL_ONE);
    try (CqlSession session = CqlSessionFactory.connect(localOne)) {
      session.execute("INSERT INTO fitmesh_three_replicas.t (id) VALUES (1)");

      assertThat(session.execute("SELECT id FROM fitmesh_three_replicas.t WHERE id = 1").one()).isNotNull();
      session.execute("DROP KEYSPACE fitmesh_three_replicas");
    }
  }

  @Test
  void connect_toAPortNobodyListensOn_failsWithTheAddressInTheMessage() {
    CqlSettings nowhere = new CqlSettings(List.of("127.0.0.1:1"), "datacenter1",
        "{'class': 'SimpleStrategy', 'replication_factor': 1}", Duration.ofSeconds(2), CqlConsistency.LOCAL_QUORUM);

    assertThatThrownBy(() -> CqlSessionFactory.connect(nowhere))
        .isInstanceOf(BackendUnreachableException.class)
        .hasMessageContaining("CQL server at 127.0.0.1:1 is unreachable");
  }
}
