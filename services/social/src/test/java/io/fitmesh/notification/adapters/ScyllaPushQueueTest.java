package io.fitmesh.notification.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import io.fitmesh.notification.domain.NotificationKind;
import io.fitmesh.notification.domain.PushJob;
import io.fitmesh.platform.config.PlatformConfig;
import io.fitmesh.platform.storage.CqlMigrations;
import io.fitmesh.platform.storage.CqlSessionFactory;
import io.fitmesh.testkit.RealInfra;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** How the CQL push queue reads its shards over time (a keyspace of its own: the queue's reads move forward). */
@ExtendWith(RealInfra.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScyllaPushQueueTest {
  private CqlSession session;
  private String keyspace;
  private ScyllaPushQueue queue;

  @BeforeAll
  void connectAndMigrate() throws Exception {
    RealInfra.ensureUp();
    PlatformConfig config = RealInfra.config();
    session = CqlSessionFactory.connect(config.cql());
    CqlMigrations schema = CqlMigrations.forService("notification")
        .inKeyspace("fitmesh_push_queue_test_" + UUID.randomUUID().toString().substring(0, 8));
    schema.migrate(session, config.cql().replication());
    keyspace = schema.keyspace();
    queue = new ScyllaPushQueue(session, keyspace);
  }

  @AfterAll
  void close() {
    queue.release();
    session.execute("DROP KEYSPACE IF EXISTS " + keyspace);
    session.close();
  }

  @Test
  void aBacklogLargerThanOneRead_isHandedOutReadAfterRead_evenWhenItIsOlderThanTheLookBack() {
    Instant due = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    Set<String> scheduled = new HashSet<>();
    for (int i = 0; i < 30; i++) {
      PushJob job = new PushJob("j" + i, "bob", NotificationKind.WORKOUT, "t", "b", "workout:w", "c", null, 1,
          due.plusMillis(i));
      queue.schedule(job);
      scheduled.add(job.jobId());
    }
    Instant tenMinutesLater = due.plus(Duration.ofMinutes(10));

    Set<String> handedOut = new HashSet<>();
    for (int read = 0; read < 10 && handedOut.size() < scheduled.size(); read++) {
      List<PushJob> batch = queue.due(tenMinutesLater, 10);
      batch.forEach(job -> handedOut.add(job.jobId()));
      batch.forEach(queue::done);
    }

    assertThat(handedOut).containsExactlyInAnyOrderElementsOf(scheduled);
  }
}
