package io.fitmesh.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.cql.Statement;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import io.fitmesh.platform.errors.DomainException;
import io.fitmesh.platform.storage.CqlCalls;
import io.fitmesh.platform.storage.CqlMigrations;
import io.fitmesh.platform.storage.CqlSessionFactory;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link CqlCalls#writeAllAtOnce} on a real CQL server. */
@ExtendWith(RealInfra.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CqlWritesAtOnceTest {
  private final String keyspace = "fitmesh_writes_test_" + UUID.randomUUID().toString().substring(0, 8);
  private CqlSession session;

  @BeforeAll
  void connect() {
    session = CqlSessionFactory.connect(RealInfra.config().cql());
    CqlMigrations.parse(keyspace, """
        -- migration 1: rows
        CREATE TABLE IF NOT EXISTS {keyspace}.rows (id int PRIMARY KEY, note text);
        """).migrate(session, RealInfra.config().cql().replication());
  }

  @AfterAll
  void close() {
    session.execute("DROP KEYSPACE IF EXISTS " + keyspace);
    session.close();
  }

  @Test
  void everyWrite_hasLanded_whenTheCallReturns() {
    List<Statement<?>> writes = IntStream.range(0, 200).<Statement<?>>mapToObj(i ->
        SimpleStatement.newInstance("INSERT INTO " + keyspace + ".rows (id, note) VALUES (?, ?)", i, "row " + i))
        .toList();

    CqlCalls.writeAllAtOnce(session, writes);

    assertThat(session.execute("SELECT id FROM " + keyspace + ".rows").all().stream().map(r -> r.getInt("id"))
        .filter(id -> id < 200).count()).isEqualTo(200);
  }

  @Test
  void aWriteTheServerRefuses_failsTheCall_asTheDriverSaidIt_andTheCallerMapsItToUnavailable() {
    List<Statement<?>> writes = List.of(
        SimpleStatement.newInstance("INSERT INTO " + keyspace + ".rows (id, note) VALUES (?, ?)", 1000, "fine"),
        SimpleStatement.newInstance("INSERT INTO " + keyspace + ".no_such_table (id) VALUES (?)", 1));

    assertThatThrownBy(() -> CqlCalls.writeAllAtOnce(session, writes)).isInstanceOf(InvalidQueryException.class);
    assertThatThrownBy(() -> CqlCalls.run("rows", () -> CqlCalls.writeAllAtOnce(session, writes)))
        .isInstanceOfSatisfying(DomainException.class, e -> {
          assertThat(e.kind()).isEqualTo(DomainException.Kind.UNAVAILABLE);
          assertThat(e.getMessage()).doesNotContain("no_such_table");
        });
  }
}
