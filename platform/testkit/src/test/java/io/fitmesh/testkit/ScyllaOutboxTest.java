package io.fitmesh.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.uuid.Uuids;
import com.google.protobuf.StringValue;
import io.fitmesh.events.v1.EventEnvelope;
import io.fitmesh.platform.events.DeadLetter;
import io.fitmesh.platform.events.EventBus;
import io.fitmesh.platform.events.EventHandler;
import io.fitmesh.platform.events.EventSubscription;
import io.fitmesh.platform.events.EventTracing;
import io.fitmesh.platform.events.InMemoryEventBus;
import io.fitmesh.platform.events.OutboxRelay;
import io.fitmesh.platform.events.OutboxStore;
import io.fitmesh.platform.events.SubscriptionSpec;
import io.fitmesh.platform.storage.CqlCalls;
import io.fitmesh.platform.storage.CqlMigrations;
import io.fitmesh.platform.storage.CqlSessionFactory;
import io.fitmesh.platform.storage.ScyllaOutboxStore;
import io.opentelemetry.api.OpenTelemetry;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** The outbox on a real CQL server: leases make one relay per shard, so two instances publish each event once. */
@ExtendWith(RealInfra.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScyllaOutboxTest {
  /** The outbox tables as every service with an outbox declares them. */
  private static final String SCHEMA = """
      -- migration 1: outbox
      CREATE TABLE IF NOT EXISTS {keyspace}.outbox (shard int, id timeuuid, envelope blob, PRIMARY KEY (shard, id))
        WITH gc_grace_seconds = 3600;
      CREATE TABLE IF NOT EXISTS {keyspace}.outbox_leases (shard int PRIMARY KEY, owner text);
      CREATE TABLE IF NOT EXISTS {keyspace}.outbox_checkpoints (shard int PRIMARY KEY, sent_before timestamp);
      """;
  private final InMemoryEventBus envelopes = new InMemoryEventBus(new EventTracing(OpenTelemetry.noop(), "test"),
      Clock.systemUTC());
  private final List<String> keyspaces = new java.util.ArrayList<>();
  private CqlSession session;

  @BeforeAll
  void connect() {
    session = CqlSessionFactory.connect(RealInfra.config().cql());
  }

  @AfterAll
  void close() {
    keyspaces.forEach(k -> session.execute("DROP KEYSPACE IF EXISTS " + k));
    session.close();
  }

  /** An outbox in a keyspace of its own, so no test sees another's leases. */
  private ScyllaOutboxStore freshOutbox() {
    String keyspace = "fitmesh_outbox_test_" + UUID.randomUUID().toString().substring(0, 8);
    keyspaces.add(keyspace);
    CqlMigrations.parse(keyspace, SCHEMA).migrate(session, RealInfra.config().cql().replication());
    return new ScyllaOutboxStore(session, keyspace);
  }

  private EventEnvelope write(ScyllaOutboxStore outbox, String key, int n) {
    EventEnvelope envelope = envelopes.envelope("test.outbox", key, StringValue.of("event " + n));
    session.execute(outbox.insert(envelope));
    return envelope;
  }

  @Test
  void aShardIsHeldByOneOwner_untilItsLeaseLapses() {
    ScyllaOutboxStore outbox = freshOutbox();

    assertThat(outbox.hold(3, "relay-a", Duration.ofSeconds(2))).isTrue();
    assertThat(outbox.hold(3, "relay-b", Duration.ofSeconds(2))).isFalse();
    assertThat(outbox.hold(3, "relay-a", Duration.ofSeconds(2))).as("renewed by its holder").isTrue();
    await().atMost(Duration.ofSeconds(20)).until(() -> outbox.hold(3, "relay-b", Duration.ofSeconds(2)));
  }

  @Test
  void aReleasedShard_isFreeAtOnce_andOnlyItsHolderCanReleaseIt() {
    ScyllaOutboxStore outbox = freshOutbox();
    assertThat(outbox.hold(5, "relay-a", Duration.ofSeconds(60))).isTrue();

    outbox.release(5, "relay-b");
    assertThat(outbox.hold(5, "relay-b", Duration.ofSeconds(60))).as("a stranger's release changes nothing").isFalse();
    outbox.release(5, "relay-a");
    assertThat(outbox.hold(5, "relay-b", Duration.ofSeconds(60))).isTrue();
  }

  @Test
  void aRelayThatStops_handsItsShardsToTheNextRelayAtOnce_notWhenTheLeaseLapses() {
    ScyllaOutboxStore outbox = freshOutbox();
    Map<String, AtomicInteger> sent = new ConcurrentHashMap<>();
    EventBus counting = new CountingBus(sent);
    String first = write(outbox, "athlete-1", 1).getEventId();
    try (OutboxRelay a = new OutboxRelay("a", outbox, counting, Duration.ofMillis(100))) {
      await().atMost(Duration.ofSeconds(30)).until(() -> sent.containsKey(first));
    }
    try (OutboxRelay b = new OutboxRelay("b", outbox, counting, Duration.ofMillis(100))) {
      String second = write(outbox, "athlete-1", 2).getEventId();
      b.nudge();
      // The lease is 15 s; a relay that kept its shards after stopping would hold the event back 10 to 15 s.
      await().atMost(Duration.ofSeconds(8)).until(() -> sent.containsKey(second));
    }
  }

  @Test
  void aShardsCheckpoint_isTheEpochUntilRecorded_thenWhatWasRecordedLast_shardByShard() {
    ScyllaOutboxStore outbox = freshOutbox();
    Instant earlier = Instant.parse("2026-12-03T10:00:00.123Z");
    Instant later = Instant.parse("2026-12-03T10:00:05.456Z");

    assertThat(outbox.sentBefore(2)).isEqualTo(Instant.EPOCH);
    outbox.recordSentBefore(2, earlier);
    outbox.recordSentBefore(2, later);
    outbox.recordSentBefore(4, earlier);

    assertThat(outbox.sentBefore(2)).isEqualTo(later);
    assertThat(outbox.sentBefore(4)).isEqualTo(earlier);
    assertThat(outbox.sentBefore(3)).isEqualTo(Instant.EPOCH);
  }

  @Test
  void aRelayRecordsTheCheckpointWhenItGivesAShardUp_andTheNextReadsFromThere_notFromTheStart() {
    ScyllaOutboxStore outbox = freshOutbox();
    Map<String, AtomicInteger> sent = new ConcurrentHashMap<>();
    String key = "athlete-" + UUID.randomUUID();
    int shard = OutboxStore.shardOf(key, outbox.shards());
    String first = write(outbox, key, 1).getEventId();
    try (OutboxRelay a = new OutboxRelay("a", outbox, new CountingBus(sent), Duration.ofMillis(100))) {
      await().atMost(Duration.ofSeconds(30)).until(() -> sent.containsKey(first));
    }
    assertThat(outbox.sentBefore(shard)).as("recorded by the relay that gave the shard up").isAfter(Instant.EPOCH);

    // Where a relay taking over begins to read: an event placed before the checkpoint (which no write that commits
    // within the look-back can be) is not read, while a read from the start would send it before the newer one.
    Instant minuteAgo = Instant.now().minus(Duration.ofMinutes(1));
    EventEnvelope older = envelopes.envelope("test.outbox", key, StringValue.of("older"));
    String keyspace = keyspaces.get(keyspaces.size() - 1);
    session.execute("INSERT INTO " + keyspace + ".outbox (shard, id, envelope) VALUES (?, ?, ?)", shard,
        Uuids.startOf(minuteAgo.toEpochMilli()), ByteBuffer.wrap(older.toByteArray()));
    outbox.recordSentBefore(shard, minuteAgo.plusSeconds(1));
    try (OutboxRelay b = new OutboxRelay("b", outbox, new CountingBus(sent), Duration.ofMillis(100))) {
      String newer = write(outbox, key, 3).getEventId();
      b.nudge();
      await().atMost(Duration.ofSeconds(30)).until(() -> sent.containsKey(newer));
    }
    assertThat(sent).doesNotContainKey(older.getEventId());
  }

  /**
   * Cassandra fails a read that goes through more than 100,000 tombstones ({@code tombstone_failure_threshold};
   * ScyllaDB cuts the page short instead). 105,000 published events in the two minutes after the checkpoint, then a
   * new one: a relay taking the shard over reads from the checkpoint a minute of ids at a time, and publishes it.
   * Reading from the checkpoint in one go, it failed on every round. The store tells that failure apart from the
   * server being out of reach ({@link OutboxStore.ReadTooLong}): only such a read narrows the relay's slices.
   */
  @Test
  void aRelayTakingAShardOver_publishesItsNewEvent_thoughMoreTombstonesFollowTheCheckpointThanOneReadMayPass() {
    ScyllaOutboxStore outbox = freshOutbox();
    String keyspace = keyspaces.get(keyspaces.size() - 1);
    String key = "athlete-" + UUID.randomUUID();
    int shard = OutboxStore.shardOf(key, outbox.shards());
    Instant checkpoint = Instant.now().minus(Duration.ofMinutes(3));
    PreparedStatement delete = session.prepare("DELETE FROM " + keyspace + ".outbox WHERE shard = ? AND id = ?");
    for (int from = 0; from < 105_000; from += 1000) {
      long first = checkpoint.toEpochMilli() + from;
      CqlCalls.writeAllAtOnce(session, java.util.stream.LongStream.range(first, first + 1000)
          .mapToObj(millis -> delete.bind(shard, Uuids.startOf(millis))).toList());
    }
    outbox.recordSentBefore(shard, checkpoint);
    Map<String, AtomicInteger> sent = new ConcurrentHashMap<>();
    String fresh = write(outbox, key, 1).getEventId();
    Throwable readInOneGo = catchThrowable(() -> outbox.pending(shard, null, checkpoint, null, 500));
    if (!onScyllaDb()) {
      assertThat(readInOneGo).as("a read through them all at once").isInstanceOf(OutboxStore.ReadTooLong.class)
          .hasMessageContaining("outbox shard " + shard + " was given up");
    }

    try (OutboxRelay relay = new OutboxRelay("a", outbox, new CountingBus(sent), Duration.ofMillis(100))) {
      await().atMost(Duration.ofSeconds(60)).until(() -> sent.containsKey(fresh));
    }
  }

  /**
   * ScyllaDB has tables of its own in the system keyspace; Cassandra has not. (Asked of the server: the driver keeps
   * no metadata of the system keyspaces.)
   */
  private boolean onScyllaDb() {
    return session.execute("SELECT table_name FROM system_schema.tables WHERE keyspace_name = 'system' "
        + "AND table_name = 'scylla_local'").one() != null;
  }

  @Test
  void eventsOfAKey_comeBackInWriteOrder_readingAfterAnEventSkipsIt_andRemovedOnesAreGone() {
    ScyllaOutboxStore outbox = freshOutbox();
    String key = "athlete-" + UUID.randomUUID();
    List<EventEnvelope> written = List.of(write(outbox, key, 1), write(outbox, key, 2), write(outbox, key, 3));
    int shard = OutboxStore.shardOf(key, outbox.shards());

    List<OutboxStore.Pending> all = outbox.pending(shard, null, Instant.EPOCH, null, 1000).stream()
        .filter(p -> p.envelope().getKey().equals(key)).toList();
    List<OutboxStore.Pending> afterFirst = outbox.pending(shard, all.get(0), Instant.EPOCH, null, 1000).stream()
        .filter(p -> p.envelope().getKey().equals(key)).toList();
    outbox.removeAll(all.subList(1, 3));

    assertThat(all).extracting(OutboxStore.Pending::envelope).containsExactlyElementsOf(written);
    assertThat(afterFirst).extracting(OutboxStore.Pending::envelope).containsExactly(written.get(1), written.get(2));
    assertThat(outbox.pending(shard, null, Instant.EPOCH, null, 1000)).extracting(OutboxStore.Pending::envelope)
        .contains(written.get(0)).doesNotContain(written.get(1), written.get(2));
  }

  @Test
  void twoRelaysOverOneOutbox_publishEveryEventExactlyOnce() {
    ScyllaOutboxStore outbox = freshOutbox();
    Map<String, AtomicInteger> sent = new ConcurrentHashMap<>();
    EventBus counting = new CountingBus(sent);
    List<String> ids = new java.util.ArrayList<>();
    try (OutboxRelay a = new OutboxRelay("a", outbox, counting, Duration.ofMillis(100));
        OutboxRelay b = new OutboxRelay("b", outbox, counting, Duration.ofMillis(100))) {
      for (int i = 0; i < 200; i++) {
        ids.add(write(outbox, "athlete-" + (i % 37), i).getEventId());
        if (i % 20 == 0) {
          a.nudge();
          b.nudge();
        }
      }

      await().atMost(Duration.ofSeconds(60)).until(() -> sent.keySet().containsAll(ids));
      await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> true);
    }
    assertThat(ids).allSatisfy(id -> assertThat(sent.get(id).get()).as("times %s was sent", id).isEqualTo(1));
  }

  /** Counts each event id it is asked to publish. */
  private record CountingBus(Map<String, AtomicInteger> sent) implements EventBus {
    @Override
    public EventEnvelope envelope(String topic, String key, com.google.protobuf.Message payload) {
      throw new UnsupportedOperationException();
    }

    @Override
    public CompletableFuture<String> publish(EventEnvelope envelope) {
      sent.computeIfAbsent(envelope.getEventId(), id -> new AtomicInteger()).incrementAndGet();
      return CompletableFuture.completedFuture(envelope.getEventId());
    }

    @Override
    public EventSubscription subscribe(SubscriptionSpec spec, EventHandler handler) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<DeadLetter> deadLetters(Predicate<DeadLetter> which, int limit) {
      throw new UnsupportedOperationException();
    }

    @Override
    public int replayDeadLetters(Predicate<DeadLetter> which,
        Consumer<DeadLetter> onReplayed) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void close() {}
  }
}
