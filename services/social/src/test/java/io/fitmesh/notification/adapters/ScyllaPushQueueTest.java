package io.fitmesh.notification.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import io.fitmesh.notification.domain.NotificationKind;
import io.fitmesh.notification.domain.PushJob;
import io.fitmesh.testkit.RealInfra;
import io.fitmesh.testkit.TestKeyspace;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** How the CQL push queue reads its shards over time (a keyspace of its own: no other queue holds its leases). */
@ExtendWith(RealInfra.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScyllaPushQueueTest {
  private TestKeyspace schema;
  private CqlSession session;
  private String keyspace;
  private ScyllaPushQueue queue;

  @BeforeAll
  void connectAndMigrate() throws Exception {
    schema = TestKeyspace.of("notification");
    session = schema.session();
    keyspace = schema.name();
  }

  /** A queue of its own for each test: where it reads each shard from moves on with the times a test uses. */
  @BeforeEach
  void newQueue() {
    queue = new ScyllaPushQueue(session, keyspace);
  }

  @AfterEach
  void releaseQueue() {
    queue.release();
  }

  @AfterAll
  void close() {
    schema.close();
  }

  @Test
  void aBacklogLargerThanOneRead_isHandedOutOnce_readAfterRead_evenWhenItIsOlderThanTheLookBack() {
    Instant due = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    Set<String> scheduled = schedule("bob", 30, due);
    Instant tenMinutesLater = due.plus(Duration.ofMinutes(10));

    List<String> handedOut = new ArrayList<>();
    for (int read = 0; read < 10 && handedOut.size() < scheduled.size(); read++) {
      List<PushJob> batch = queue.due(tenMinutesLater, 10);
      batch.forEach(job -> handedOut.add(job.jobId()));
      batch.forEach(queue::done);
    }

    assertThat(handedOut).containsExactlyInAnyOrderElementsOf(scheduled);
  }

  @Test
  void aBacklogInOneShard_doesNotKeepAnotherShardsJobsWaitingUntilItIsGone() {
    Instant due = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS);
    String ana = "ana";
    String carl = IntStream.range(0, 100).mapToObj(i -> "carl-" + i)
        .filter(name -> ScyllaPushQueue.shardOf(name) > ScyllaPushQueue.shardOf(ana)).findFirst().orElseThrow();
    schedule(ana, 100, due);
    Set<String> carls = schedule(carl, 1, due);

    Set<String> handedOut = new HashSet<>();
    for (int read = 0; read < ScyllaPushQueue.SHARDS && !handedOut.containsAll(carls); read++) {
      List<PushJob> batch = queue.due(due.plusSeconds(1), 10);
      batch.forEach(job -> handedOut.add(job.jobId()));
      batch.forEach(queue::done);
    }

    assertThat(handedOut).as("within %d reads of 10, while ana's 100 need 10", ScyllaPushQueue.SHARDS)
        .containsAll(carls);
  }

  @Test
  void aShardHoldingAJobThisVersionCannotRead_holdsBackOnlyItsOwnJobs() {
    Instant due = Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MILLIS);
    String zoe = "zoe";
    String max = IntStream.range(0, 100).mapToObj(i -> "max-" + i)
        .filter(name -> ScyllaPushQueue.shardOf(name) != ScyllaPushQueue.shardOf(zoe)).findFirst().orElseThrow();
    session.execute("INSERT INTO " + keyspace + ".push_jobs (shard, due, job_id, recipient_id, kind, attempt) "
        + "VALUES (?, ?, ?, ?, ?, ?)", ScyllaPushQueue.shardOf(zoe), due, "from-a-newer-version", zoe,
        "A_KIND_FROM_A_NEWER_VERSION", 1);
    Set<String> maxs = schedule(max, 1, due);

    List<String> handedOut = queue.due(due.plusSeconds(1), 10).stream().map(PushJob::jobId).toList();

    assertThat(handedOut).containsExactlyElementsOf(maxs);
  }

  private Set<String> schedule(String recipient, int jobs, Instant due) {
    Set<String> scheduled = new HashSet<>();
    for (int i = 0; i < jobs; i++) {
      PushJob job = new PushJob(recipient + "-j" + i, recipient, NotificationKind.WORKOUT, "t", "b", "workout:w", "c",
          null, 1, due.plusMillis(i));
      queue.schedule(job);
      scheduled.add(job.jobId());
    }
    return scheduled;
  }
}
