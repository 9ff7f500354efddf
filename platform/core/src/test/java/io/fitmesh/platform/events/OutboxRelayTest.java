package io.fitmesh.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.StringValue;
import io.fitmesh.events.v1.EventEnvelope;
import io.fitmesh.platform.errors.DomainException;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class OutboxRelayTest {
  private final InMemoryEventBus real = new InMemoryEventBus(new EventTracing(OpenTelemetry.noop(), "test"), Clock.systemUTC());
  private final AtomicBoolean brokerDown = new AtomicBoolean(true);
  private final List<String> published = new CopyOnWriteArrayList<>();
  private static final Instant START = Instant.parse("2026-12-03T10:00:00Z");
  /** The key of endless backlogs' events: sent, not recorded in {@link #published} (it would grow by the page). */
  private static final String ENDLESS = "busy";
  /** What {@link #clock} shows, for the tests that move the relay's time themselves; {@link #START} until set. */
  private final AtomicReference<Instant> now = new AtomicReference<>(START);
  private final Clock clock = clockShowing(now);

  /** A bus whose broker is down until the test says otherwise. */
  private final EventBus flaky = new EventBus() {
    @Override
    public EventEnvelope envelope(String topic, String key, com.google.protobuf.Message payload) {
      return real.envelope(topic, key, payload);
    }

    @Override
    public CompletableFuture<String> publish(EventEnvelope envelope) {
      if (brokerDown.get()) {
        return CompletableFuture.failedFuture(DomainException.unavailable("broker down", null));
      }
      if (!envelope.getKey().equals(ENDLESS)) {
        published.add(envelope.getEventId());
      }
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
  };

  @Test
  void eventsWrittenWhileTheBrokerIsDown_arePublishedOnceItIsBack_withTheirEventIds() {
    InMemoryOutboxStore outbox = new InMemoryOutboxStore();
    EventEnvelope first = flaky.envelope("training.completed", "athlete-1", StringValue.of("w1"));
    EventEnvelope second = flaky.envelope("training.completed", "athlete-1", StringValue.of("w2"));
    outbox.add(first);
    outbox.add(second);

    try (OutboxRelay relay = new OutboxRelay("test", outbox, flaky, Duration.ofMillis(50))) {
      relay.nudge();
      await().pollDelay(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> true);
      assertThat(published).isEmpty();
      assertThat(waiting(outbox)).containsExactly(first, second);

      brokerDown.set(false);

      await().atMost(Duration.ofSeconds(5)).until(() -> waiting(outbox).isEmpty());
      assertThat(published).containsExactly(first.getEventId(), second.getEventId());
    }
  }

  @Test
  void aBurstOfNudgesDuringARound_asksForOneMoreRound_notOneEach() throws Exception {
    brokerDown.set(false);
    InMemoryOutboxStore outbox = new InMemoryOutboxStore();
    java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.CountDownLatch publishing = new java.util.concurrent.CountDownLatch(1);
    CompletableFuture<String> brokerAnswers = new CompletableFuture<>();
    EventBus slowFirstSend = new ForwardingBus(flaky) {
      @Override
      public CompletableFuture<String> publish(EventEnvelope envelope) {
        publishing.countDown();
        return brokerAnswers.thenCompose(ignored -> flaky.publish(envelope));
      }
    };
    OutboxStore counted = new CountingOutbox(outbox, reads);
    outbox.add(flaky.envelope("challenge.joined", "c-1", StringValue.of("a-0")));

    try (OutboxRelay relay = new OutboxRelay("test", counted, slowFirstSend, Duration.ofHours(1))) {
      assertThat(publishing.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      int readsBefore = reads.get();
      for (int i = 1; i <= 1000; i++) {
        outbox.add(flaky.envelope("challenge.joined", "c-1", StringValue.of("a-" + i)));
        relay.nudge();
      }
      brokerAnswers.complete("ok");

      await().atMost(Duration.ofSeconds(10)).until(() -> published.size() == 1001);
      await().pollDelay(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> true);
      assertThat(reads.get() - readsBefore).as("outbox reads after 1000 nudges during one round").isLessThan(10);
      assertThat(waiting(outbox)).isEmpty();

      outbox.add(flaky.envelope("challenge.joined", "c-1", StringValue.of("after the burst")));
      relay.nudge();
      await().alias("a nudge after the burst still asks for a round").atMost(Duration.ofSeconds(5))
          .until(() -> published.size() == 1002);
    }
  }

  @Test
  void aRound_handsAllItsEventsToTheBusAtOnce_inOrder_ratherThanWaitingForEachSend() {
    brokerDown.set(false);
    InMemoryOutboxStore outbox = new InMemoryOutboxStore();
    List<Map.Entry<EventEnvelope, CompletableFuture<String>>> handedOver = new CopyOnWriteArrayList<>();
    EventBus slowBroker = new ForwardingBus(flaky) {
      @Override
      public CompletableFuture<String> publish(EventEnvelope envelope) {
        CompletableFuture<String> answer = new CompletableFuture<>();
        handedOver.add(Map.entry(envelope, answer));
        return answer;
      }
    };
    List<EventEnvelope> events = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      events.add(flaky.envelope("challenge.joined", "c-1", StringValue.of("a-" + i)));
      outbox.add(events.get(i));
    }

    try (OutboxRelay relay = new OutboxRelay("test", outbox, slowBroker, Duration.ofHours(1))) {
      await().atMost(Duration.ofSeconds(5)).until(() -> handedOver.size() == 50);
      assertThat(outbox.pending(0, null, Instant.EPOCH, null, 100)).as("nothing is forgotten before the bus answers")
          .hasSize(50);

      handedOver.forEach(send -> send.getValue().complete(flaky.publish(send.getKey()).join()));

      await().atMost(Duration.ofSeconds(5)).until(() -> waiting(outbox).isEmpty());
      assertThat(published).containsExactlyElementsOf(events.stream().map(EventEnvelope::getEventId).toList());
    }
  }

  @Test
  void aSendRefused_leavesItAndTheEventsAfterIt_unsent_andForgetsOnlyThoseSentBefore() {
    brokerDown.set(false);
    InMemoryOutboxStore outbox = new InMemoryOutboxStore();
    EventEnvelope first = flaky.envelope("challenge.joined", "c-1", StringValue.of("first"));
    EventEnvelope second = flaky.envelope("challenge.joined", "c-1", StringValue.of("second"));
    EventEnvelope third = flaky.envelope("challenge.joined", "c-1", StringValue.of("third"));
    List.of(first, second, third).forEach(outbox::add);
    AtomicBoolean secondRefused = new AtomicBoolean(true);
    EventBus refusesSecond = new ForwardingBus(flaky) {
      @Override
      public CompletableFuture<String> publish(EventEnvelope envelope) {
        if (envelope.getEventId().equals(second.getEventId()) && secondRefused.get()) {
          return CompletableFuture.failedFuture(DomainException.unavailable("broker refused", null));
        }
        return flaky.publish(envelope);
      }
    };

    try (OutboxRelay relay = new OutboxRelay("test", outbox, refusesSecond, Duration.ofMillis(50))) {
      await().atMost(Duration.ofSeconds(5)).until(() -> published.contains(first.getEventId()));
      await().pollDelay(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> true);
      assertThat(waiting(outbox)).containsExactly(second, third);

      secondRefused.set(false);

      await().atMost(Duration.ofSeconds(5)).until(() -> waiting(outbox).isEmpty());
      assertThat(published).as("nothing after the refused event went out before it; each went out once, in order")
          .containsExactly(first.getEventId(), second.getEventId(), third.getEventId());
    }
  }

  @Test
  void aRoundThatLooksBack_alsoReadsAfterTheCursor_soTheCursorFollowsWhatWasSent() throws Exception {
    brokerDown.set(false);
    InMemoryOutboxStore outbox = new InMemoryOutboxStore(clock);
    List<OutboxStore.Pending> readAfter = new CopyOnWriteArrayList<>();
    OutboxStore recording = new CountingOutbox(outbox, new java.util.concurrent.atomic.AtomicInteger()) {
      @Override
      public List<OutboxStore.Pending> pending(int shard, OutboxStore.Pending after, Instant since,
          Instant before, int limit) {
        readAfter.add(after);
        return super.pending(shard, after, since, before, limit);
      }
    };
    outbox.add(flaky.envelope("challenge.joined", "c-1", StringValue.of("first")));

    try (OutboxRelay relay = new OutboxRelay("test", recording, flaky, Duration.ofHours(1), clock)) {
      relay.nudge();
      await().atMost(Duration.ofSeconds(5)).until(() -> published.size() == 1);
      EventEnvelope last = flaky.envelope("challenge.joined", "c-1", StringValue.of("second"));
      outbox.add(last);
      now.set(now.get().plus(OutboxRelay.LOOK_BACK));
      relay.nudge();
      await().atMost(Duration.ofSeconds(5)).until(() -> published.size() == 2);

      readAfter.clear();
      relay.nudge();
      await().atMost(Duration.ofSeconds(5)).until(() -> readAfter.stream().anyMatch(java.util.Objects::nonNull));
      assertThat(readAfter.stream().filter(java.util.Objects::nonNull).map(p -> p.envelope().getEventId()))
          .as("the next round reads after the last event sent, not before it")
          .containsOnly(last.getEventId());
    }
  }

  @Test
  void aShardThatCannotBeRead_doesNotHoldBackTheEventsOfTheOtherShards() {
    brokerDown.set(false);
    InMemoryOutboxStore secondShard = new InMemoryOutboxStore();
    OutboxStore firstShardUnreadable = new CountingOutbox(secondShard,
        new java.util.concurrent.atomic.AtomicInteger()) {
      @Override
      public int shards() {
        return 2;
      }

      @Override
      public List<OutboxStore.Pending> pending(int shard, OutboxStore.Pending after, Instant since,
          Instant before, int limit) {
        if (shard == 0) {
          throw DomainException.unavailable("outbox unavailable", null);
        }
        return super.pending(shard, after, since, before, limit);
      }
    };
    EventEnvelope event = waitingIn(secondShard, "a-1");

    try (OutboxRelay relay = new OutboxRelay("test", firstShardUnreadable, flaky, Duration.ofMillis(50))) {
      await().atMost(Duration.ofSeconds(5)).until(() -> published.contains(event.getEventId()));
      assertThat(waiting(secondShard)).isEmpty();
    }
  }

  @Test
  void aRelayTakingAShardOver_readsFromWhereThePreviousOneRecordedEverythingSent_notThroughAllThatWasSentBefore()
      throws Exception {
    brokerDown.set(false);
    InMemoryOutboxStore outbox = new InMemoryOutboxStore(clock);
    List<Instant> readSince = new CopyOnWriteArrayList<>();
    OutboxStore recording = new CountingOutbox(outbox, new java.util.concurrent.atomic.AtomicInteger()) {
      @Override
      public List<OutboxStore.Pending> pending(int shard, OutboxStore.Pending after, Instant since,
          Instant before, int limit) {
        if (after == null) {
          readSince.add(since);
        }
        return super.pending(shard, after, since, before, limit);
      }
    };
    outbox.add(flaky.envelope("challenge.joined", "c-1", StringValue.of("first")));
    Instant firstRound = now.get();
    try (OutboxRelay first = new OutboxRelay("first", recording, flaky, Duration.ofHours(1), clock)) {
      await().atMost(Duration.ofSeconds(5)).until(() -> published.size() == 1);
      now.set(now.get().plus(OutboxRelay.RENEW));
      first.nudge();
      await().alias("renewing its lease, the relay records where the shard stands").atMost(Duration.ofSeconds(5))
          .until(() -> outbox.sentBefore(0).equals(firstRound.minus(OutboxRelay.LOOK_BACK)));
    }
    assertThat(readSince).as("the first relay had no checkpoint: it read the shard from the start")
        .first().isEqualTo(Instant.EPOCH);
    Instant handedOver = outbox.sentBefore(0);
    assertThat(handedOver).as("the checkpoint the first relay left: its read from the start, less the look-back")
        .isEqualTo(firstRound.minus(OutboxRelay.LOOK_BACK));

    readSince.clear();
    outbox.add(flaky.envelope("challenge.joined", "c-1", StringValue.of("second")));
    try (OutboxRelay next = new OutboxRelay("next", recording, flaky, Duration.ofHours(1), clock)) {
      await().atMost(Duration.ofSeconds(5)).until(() -> published.size() == 2);
      assertThat(readSince).as("the relay that took the shard over").first().isEqualTo(handedOver);
    }
  }

  @Test
  void aShardWhoseSendsTheBusAlwaysRefuses_isDrainedLast_soTheOtherShardsEventsLeave_evenAfterAnOutageRefusedAll() {
    InMemoryOutboxStore secondShard = new InMemoryOutboxStore();
    EventEnvelope refused = flaky.envelope("too.large", "k", StringValue.of("refused by the bus, always"));
    OutboxStore twoShards = new CountingOutbox(secondShard, new java.util.concurrent.atomic.AtomicInteger()) {
      @Override
      public int shards() {
        return 2;
      }

      @Override
      public List<OutboxStore.Pending> pending(int shard, OutboxStore.Pending after, Instant since,
          Instant before, int limit) {
        return shard == 0 ? List.of(new OutboxStore.Pending(0, "-1", Instant.EPOCH, refused))
            : super.pending(shard, after, since, before, limit);
      }
    };
    EventBus refusing = new ForwardingBus(flaky) {
      @Override
      public CompletableFuture<String> publish(EventEnvelope envelope) {
        return envelope.getTopic().equals("too.large")
            ? CompletableFuture.failedFuture(DomainException.invalidArgument("envelope", "message too large"))
            : super.publish(envelope);
      }
    };
    EventEnvelope event = waitingIn(secondShard, "a-1");

    try (OutboxRelay relay = new OutboxRelay("test", twoShards, refusing, Duration.ofHours(1))) {
      for (int round = 0; round < 4; round++) {
        relay.nudge();
        relay.heldShards();
      }
      assertThat(published).as("the broker is down").isEmpty();

      brokerDown.set(false);
      for (int round = 0; round < 4 && !published.contains(event.getEventId()); round++) {
        relay.nudge();
        relay.heldShards();
      }
      assertThat(published).contains(event.getEventId());
    }
  }

  @Test
  void aCheckpointThatCannotBeReadForOneShard_givesThatLeaseBack_andDoesNotKeepTheOtherShardsFromBeingTaken() {
    brokerDown.set(false);
    InMemoryOutboxStore secondShard = new InMemoryOutboxStore();
    List<Integer> givenBack = new CopyOnWriteArrayList<>();
    OutboxStore twoShards = new CountingOutbox(secondShard, new java.util.concurrent.atomic.AtomicInteger()) {
      @Override
      public int shards() {
        return 2;
      }

      @Override
      public void release(int shard, String owner) {
        givenBack.add(shard);
      }

      @Override
      public Instant sentBefore(int shard) {
        if (shard == 0) {
          throw DomainException.unavailable("outbox unavailable", null);
        }
        return super.sentBefore(shard);
      }

      @Override
      public List<OutboxStore.Pending> pending(int shard, OutboxStore.Pending after, Instant since,
          Instant before, int limit) {
        return shard == 0 ? List.of() : super.pending(shard, after, since, before, limit);
      }
    };
    EventEnvelope event = waitingIn(secondShard, "a-1");

    try (OutboxRelay relay = new OutboxRelay("test", twoShards, flaky, Duration.ofMillis(50))) {
      await().atMost(Duration.ofSeconds(5)).until(() -> published.contains(event.getEventId()));
      assertThat(relay.heldShards()).containsExactly(1);
      assertThat(givenBack).as("leases given back before the relay stopped").containsOnly(0);
    }
  }

  @Test
  void aWriteThatCommittedBehindTheCursor_isPublished_evenWhenTheBusWasDownForLongerThanTheLookBack() {
    brokerDown.set(false);
    InMemoryOutboxStore outbox = new InMemoryOutboxStore(clock);
    EventEnvelope first = waitingIn(outbox, "first");

    try (OutboxRelay relay = new OutboxRelay("test", outbox, flaky, Duration.ofHours(1), clock)) {
      await().atMost(Duration.ofSeconds(5)).until(() -> published.contains(first.getEventId()));
      brokerDown.set(true);
      EventEnvelope late = flaky.envelope("challenge.joined", "c-1", StringValue.of("id taken before the first's"));
      outbox.addTakenAt(START.minusSeconds(1), late);
      for (int round = 1; round <= 4; round++) {
        now.set(START.plus(OutboxRelay.LOOK_BACK.multipliedBy(round)));
        relay.nudge();
        relay.heldShards();
      }
      assertThat(published).doesNotContain(late.getEventId());

      brokerDown.set(false);
      now.set(START.plus(OutboxRelay.LOOK_BACK.multipliedBy(5)));
      relay.nudge();
      await().alias("the look-back after the outage reads from the checkpoint, from before the late write")
          .atMost(Duration.ofSeconds(5)).until(() -> published.contains(late.getEventId()));
    }
  }

  @Test
  void aCheckpointThatCannotBeReadWhenAShardIsTaken_isReadAgain_ratherThanReadingTheShardFromTheStart() {
    brokerDown.set(false);
    Instant checkpoint = Instant.parse("2026-12-03T09:59:00Z");
    Clock aMinuteLater = Clock.offset(Clock.systemUTC(),
        Duration.between(Instant.now(), checkpoint.plus(Duration.ofMinutes(1))));
    InMemoryOutboxStore outbox = new InMemoryOutboxStore(aMinuteLater);
    AtomicBoolean checkpointUnreadable = new AtomicBoolean(true);
    List<Instant> readSince = new CopyOnWriteArrayList<>();
    OutboxStore recording = new CountingOutbox(outbox, new java.util.concurrent.atomic.AtomicInteger()) {
      @Override
      public Instant sentBefore(int shard) {
        if (checkpointUnreadable.getAndSet(false)) {
          throw DomainException.unavailable("outbox unavailable", null);
        }
        return super.sentBefore(shard);
      }

      @Override
      public List<OutboxStore.Pending> pending(int shard, OutboxStore.Pending after, Instant since,
          Instant before, int limit) {
        if (after == null) {
          readSince.add(since);
        }
        return super.pending(shard, after, since, before, limit);
      }
    };
    outbox.recordSentBefore(0, checkpoint);
    EventEnvelope event = flaky.envelope("challenge.joined", "c-1", StringValue.of("a-1"));
    outbox.addTakenAt(checkpoint.plusSeconds(30), event);

    try (OutboxRelay relay = new OutboxRelay("test", recording, flaky, Duration.ofMillis(50), aMinuteLater)) {
      await().alias("the checkpoint is read again at the next renewal, " + OutboxRelay.RENEW + " later")
          .atMost(OutboxRelay.RENEW.multipliedBy(4)).until(() -> published.contains(event.getEventId()));
    }
    assertThat(readSince).as("where each read without a cursor began").isNotEmpty().first().isEqualTo(checkpoint);
    assertThat(readSince).as("no read began before the checkpoint").noneMatch(since -> since.isBefore(checkpoint));
  }

  /**
   * After an outage the cursor read sends the backlog, and each look-back then reads from the checkpoint, from
   * before the outage, through the tombstones of all of it. A CQL server fails a read through too many: the old
   * relay's look-back failed on every round, and a late write behind the cursor was never published.
   */
  @Test
  void aLateWriteBehindABacklogJustSent_isPublished_thoughTheTombstonesSinceTheCheckpointAreMoreThanOneReadMayPass() {
    brokerDown.set(false);
    InMemoryOutboxStore outbox = new InMemoryOutboxStore(clock);
    TombstoneLimitedOutbox limited = new TombstoneLimitedOutbox(outbox, 100);
    EventEnvelope first = waitingIn(outbox, "first");

    try (OutboxRelay relay = new OutboxRelay("test", limited, flaky, Duration.ofHours(1), clock)) {
      await().atMost(Duration.ofSeconds(5)).until(() -> published.contains(first.getEventId()));
      brokerDown.set(true);
      List<String> backlog = addEvents(outbox, START, Duration.ofSeconds(1), 300);
      relay.nudge();
      relay.heldShards();
      brokerDown.set(false);
      relay.nudge();
      await().atMost(Duration.ofSeconds(5)).until(() -> published.containsAll(backlog));

      EventEnvelope late = flaky.envelope("challenge.joined", "c-1", StringValue.of("committed behind the cursor"));
      now.set(START.plusSeconds(305));
      outbox.addTakenAt(START.plusSeconds(299), late);
      now.set(START.plusSeconds(311));
      relay.nudge();
      await().alias("the look-back goes through the backlog's 300 tombstones, at most 100 in one read")
          .atMost(Duration.ofSeconds(5)).until(() -> published.contains(late.getEventId()));
    }
  }

  /**
   * A shard so busy that one minute of ids holds more tombstones than a read may pass: the look-backs that fail
   * narrow the shard's slices until a read passes, and the late write is published.
   */
  @Test
  void aLookBackThroughABusyShard_narrowsItsSlicesAfterAReadTheStoreGaveUpOn_untilTheLateWriteIsPublished() {
    brokerDown.set(false);
    InMemoryOutboxStore outbox = new InMemoryOutboxStore(clock);
    TombstoneLimitedOutbox limited = new TombstoneLimitedOutbox(outbox, 100);
    EventEnvelope first = waitingIn(outbox, "first");

    try (OutboxRelay relay = new OutboxRelay("test", limited, flaky, Duration.ofHours(1), clock)) {
      await().atMost(Duration.ofSeconds(5)).until(() -> published.contains(first.getEventId()));
      List<String> busy = addEvents(outbox, START, Duration.ofMillis(100), 600);
      relay.nudge();
      await().atMost(Duration.ofSeconds(5)).until(() -> published.containsAll(busy));
      EventEnvelope late = flaky.envelope("challenge.joined", "c-1", StringValue.of("committed behind the cursor"));
      outbox.addTakenAt(START.plusSeconds(59), late);

      for (int lookBack = 1; lookBack <= 6 && !published.contains(late.getEventId()); lookBack++) {
        now.set(START.plusSeconds(60 + 11L * lookBack));
        relay.nudge();
        relay.heldShards();
      }
      assertThat(published).as("10 tombstones a second, at most 100 in one read: slices of 10 s or less pass")
          .contains(late.getEventId());
    }
  }

  /**
   * Reads that fail because the store is out of reach (six rounds of an outage) say nothing of how many tombstones a
   * slice holds: the reads after it still go a minute at a time. Before, every failed read halved the slices, and
   * an outage left them at a second for the next hour.
   */
  @Test
  void readsThatFailWhileTheStoreIsOutOfReach_doNotNarrowTheShardsSlices() {
    brokerDown.set(false);
    InMemoryOutboxStore outbox = new InMemoryOutboxStore(clock);
    outbox.recordSentBefore(0, START.minus(Duration.ofMinutes(5)));
    EventEnvelope event = flaky.envelope("challenge.joined", "c-1", StringValue.of("written before the outage"));
    outbox.addTakenAt(START.minusSeconds(90), event);
    AtomicBoolean outOfReach = new AtomicBoolean(true);
    List<Duration> sliceWidths = new CopyOnWriteArrayList<>();
    OutboxStore store = new CountingOutbox(outbox, new java.util.concurrent.atomic.AtomicInteger()) {
      @Override
      public List<Pending> pending(int shard, Pending after, Instant since, Instant before, int limit) {
        if (before != null) {
          sliceWidths.add(Duration.between(since, before));
        }
        if (outOfReach.get()) {
          throw DomainException.unavailable("outbox unavailable", null);
        }
        return super.pending(shard, after, since, before, limit);
      }
    };

    try (OutboxRelay relay = new OutboxRelay("test", store, flaky, Duration.ofHours(1), clock)) {
      for (int round = 1; round <= 6; round++) {
        relay.nudge();
        relay.heldShards();
      }
      outOfReach.set(false);
      relay.nudge();
      await().atMost(Duration.ofSeconds(5)).until(() -> published.contains(event.getEventId()));
    }
    assertThat(sliceWidths).as("the width of each slice read, in the outage and after it").hasSizeGreaterThan(6)
        .containsOnly(OutboxRelay.SLICE);
  }

  /**
   * A backlog whose reads take longer than a lease (each page a second on the relay's clock, 20 pages): the relay
   * sends it over several rounds and renews its lease between them. Sending it in one round, it let the lease lapse,
   * and another relay would have taken the shard and published the same events beside it.
   */
  @Test
  void aBacklogLongerToSendThanTheLease_goesOutOverSeveralRounds_andTheLeaseIsRenewedBeforeItLapses() {
    brokerDown.set(false);
    InMemoryOutboxStore outbox = new InMemoryOutboxStore(clock);
    List<String> backlog = addEvents(outbox, START.minus(Duration.ofMinutes(1)), Duration.ofMillis(1), 10_000);
    now.set(START);
    List<Instant> renewals = new CopyOnWriteArrayList<>();
    OutboxStore slow = new CountingOutbox(outbox, new java.util.concurrent.atomic.AtomicInteger()) {
      @Override
      public boolean hold(int shard, String owner, Duration ttl) {
        renewals.add(now.get());
        return super.hold(shard, owner, ttl);
      }

      @Override
      public List<OutboxStore.Pending> pending(int shard, OutboxStore.Pending after, Instant since,
          Instant before, int limit) {
        now.set(now.get().plusSeconds(1));
        return super.pending(shard, after, since, before, limit);
      }
    };

    try (OutboxRelay relay = new OutboxRelay("test", slow, flaky, Duration.ofMillis(50), clock)) {
      await().atMost(Duration.ofSeconds(10)).until(() -> published.size() >= backlog.size());
      Instant sent = now.get();
      await().alias("a renewal after the backlog went out").atMost(Duration.ofSeconds(10))
          .until(() -> renewals.get(renewals.size() - 1).isAfter(sent));
    }
    assertThat(new java.util.HashSet<>(published)).containsAll(backlog);
    for (int i = 1; i < renewals.size(); i++) {
      assertThat(Duration.between(renewals.get(i - 1), renewals.get(i))).as("time between two lease renewals")
          .isLessThan(OutboxStore.LEASE);
    }
  }

  /**
   * Eight shards, each with a backlog of 6 pages, each page two seconds to read on the relay's clock: once the
   * round's time is up the shards not yet drained wait for the next round, which renews the leases first. Before,
   * each of them still read a page, and the round ran 14 s past its time: the leases lapsed between renewals.
   */
  @Test
  void shardsLeftWhenTheRoundsTimeIsUp_waitForTheNextRound_soTheLeasesAreRenewedBeforeTheyLapse() {
    brokerDown.set(false);
    EventEnvelope event = flaky.envelope("challenge.progress", ENDLESS, StringValue.of("one of many"));
    int shards = 8;
    int pages = 6;
    var pagesRead = new java.util.concurrent.atomic.AtomicIntegerArray(shards);
    List<Instant> renewals = new CopyOnWriteArrayList<>();
    OutboxStore slowShards = new CountingOutbox(new InMemoryOutboxStore(clock),
        new java.util.concurrent.atomic.AtomicInteger()) {
      @Override
      public int shards() {
        return shards;
      }

      @Override
      public boolean hold(int shard, String owner, Duration ttl) {
        if (shard == 0) {
          renewals.add(now.get());
        }
        return true;
      }

      @Override
      public List<Pending> pending(int shard, Pending after, Instant since, Instant before, int limit) {
        now.set(now.get().plusSeconds(2));
        if (pagesRead.getAndIncrement(shard) >= pages) {
          return List.of();
        }
        List<Pending> page = new ArrayList<>();
        for (int i = 0; i < limit; i++) {
          page.add(new Pending(shard, "page-" + pagesRead.get(shard) + "-" + i, now.get(), event));
        }
        return page;
      }

      @Override
      public void removeAll(List<Pending> events) {}
    };

    try (OutboxRelay relay = new OutboxRelay("test", slowShards, flaky, Duration.ofMillis(50), clock)) {
      await().atMost(Duration.ofSeconds(20)).until(() -> java.util.stream.IntStream.range(0, shards)
          .allMatch(shard -> pagesRead.get(shard) > pages));
    }
    for (int i = 1; i < renewals.size(); i++) {
      assertThat(Duration.between(renewals.get(i - 1), renewals.get(i))).as("time between two lease renewals")
          .isLessThan(OutboxStore.LEASE);
    }
  }

  /**
   * The clock set back an hour (a wrong time corrected): the relay renews its leases at the next round and goes on
   * publishing. Before, it waited for the clock to show the time of its last renewal again, and the leases lapsed.
   */
  @Test
  void aClockSetBack_doesNotStopTheLeaseRenewals() {
    brokerDown.set(false);
    InMemoryOutboxStore outbox = new InMemoryOutboxStore(clock);
    List<Instant> renewals = new CopyOnWriteArrayList<>();
    OutboxStore recording = new CountingOutbox(outbox, new java.util.concurrent.atomic.AtomicInteger()) {
      @Override
      public boolean hold(int shard, String owner, Duration ttl) {
        renewals.add(now.get());
        return super.hold(shard, owner, ttl);
      }
    };

    try (OutboxRelay relay = new OutboxRelay("test", recording, flaky, Duration.ofHours(1), clock)) {
      await().atMost(Duration.ofSeconds(5)).until(() -> renewals.contains(START));
      now.set(START.minus(Duration.ofHours(1)));
      relay.nudge();
      await().alias("a renewal at the time the clock shows after it was set back").atMost(Duration.ofSeconds(5))
          .until(() -> renewals.contains(START.minus(Duration.ofHours(1))));
      EventEnvelope event = flaky.envelope("challenge.joined", "c-1", StringValue.of("after the clock was set back"));
      outbox.add(event);
      relay.nudge();
      await().atMost(Duration.ofSeconds(5)).until(() -> published.contains(event.getEventId()));
    }
  }

  /**
   * A new outbox (no checkpoint) with a backlog too long to send in one round: the first read, cut short, moves the
   * checkpoint to the last event it sent, so the look-backs after the backlog is out go a slice at a time from
   * there. Left at the start, the checkpoint made every look-back one read through all the backlog's tombstones,
   * which failed (more than 1,000 here) on every round, and the checkpoint never moved again.
   */
  @Test
  void aFirstReadCutShortByTheRoundsTime_movesTheCheckpointToTheLastEventSent_soLaterLookBacksPassTheBacklog() {
    brokerDown.set(false);
    InMemoryOutboxStore outbox = new InMemoryOutboxStore(clock);
    List<String> backlog = addEvents(outbox, START.minusSeconds(1100), Duration.ofMillis(100), 10_000);
    now.set(START);
    OutboxStore slow = new TombstoneLimitedOutbox(outbox, 1000) {
      @Override
      public List<Pending> pending(int shard, Pending after, Instant since, Instant before, int max) {
        now.set(now.get().plusSeconds(1));
        return super.pending(shard, after, since, before, max);
      }
    };

    try (OutboxRelay relay = new OutboxRelay("test", slow, flaky, Duration.ofMillis(50), clock)) {
      await().atMost(Duration.ofSeconds(10)).until(() -> published.size() >= backlog.size());
      await().alias("the checkpoint recorded is past the backlog").atMost(Duration.ofSeconds(10))
          .until(() -> outbox.sentBefore(0).isAfter(START.minusSeconds(100)));
    }
  }

  /**
   * One shard's endless backlog takes every round's time; another shard's late write behind its cursor is still
   * found by its look-back within a few rounds. With one look-back time for all shards, a shard drained after the
   * busy one had its look-back skipped in every round that was due for one.
   */
  @Test
  void aShardWhoseBacklogTakesEveryRoundsTime_doesNotKeepAnotherShardFromLookingBack() {
    brokerDown.set(false);
    InMemoryOutboxStore quiet = new InMemoryOutboxStore(clock);
    EventEnvelope first = flaky.envelope("challenge.joined", "c-1", StringValue.of("first"));
    EventEnvelope late = flaky.envelope("challenge.joined", "c-1", StringValue.of("committed behind the cursor"));
    EventEnvelope endless = flaky.envelope("challenge.progress", ENDLESS, StringValue.of("one of many"));
    AtomicBoolean lateWritten = new AtomicBoolean();
    java.util.concurrent.atomic.AtomicLong taken = new java.util.concurrent.atomic.AtomicLong();
    OutboxStore twoShards = new CountingOutbox(quiet, new java.util.concurrent.atomic.AtomicInteger()) {
      @Override
      public int shards() {
        return 2;
      }

      @Override
      public List<Pending> pending(int shard, Pending after, Instant since, Instant before, int limit) {
        if (shard == 0) {
          if (after != null && !lateWritten.getAndSet(true)) {
            quiet.addTakenAt(START, late);
          }
          return super.pending(shard, after, since, before, limit);
        }
        now.set(now.get().plusSeconds(1));
        List<Pending> page = new ArrayList<>();
        for (int i = 0; i < limit; i++) {
          page.add(new Pending(1, "busy-" + taken.incrementAndGet(), now.get(), endless));
        }
        return page;
      }

      @Override
      public void removeAll(List<Pending> events) {
        super.removeAll(events.stream().filter(event -> event.shard() == 0).toList());
      }
    };
    quiet.add(first);

    try (OutboxRelay relay = new OutboxRelay("test", twoShards, flaky, Duration.ofMillis(50), clock)) {
      await().alias("the quiet shard's look-back, though the busy shard takes each round's time")
          .atMost(Duration.ofSeconds(10)).until(() -> published.contains(late.getEventId()));
    }
    assertThat(published).contains(first.getEventId());
  }

  /**
   * Renewing the leases takes longer than a round's time (a second per shard, eight shards): each round still
   * drains a shard, the next one each time, and the event is published. Stopping before the first shard once the
   * time was up, the relay only renewed its leases, round after round.
   */
  @Test
  void aRoundWhoseLeaseRenewalTookLongerThanItsTime_stillDrainsAShard() {
    brokerDown.set(false);
    InMemoryOutboxStore quiet = new InMemoryOutboxStore(clock);
    EventEnvelope event = waitingIn(quiet, "waiting in shard 6");
    OutboxStore slowLeases = new EightShards(quiet, 6, -1) {
      @Override
      public boolean hold(int shard, String owner, Duration ttl) {
        now.set(now.get().plusSeconds(1));
        return true;
      }
    };

    try (OutboxRelay relay = new OutboxRelay("test", slowLeases, flaky, Duration.ofMillis(50), clock)) {
      await().atMost(Duration.ofSeconds(10)).until(() -> published.contains(event.getEventId()));
    }
  }

  /**
   * Shard 3's endless backlog takes the round's time; the next round starts at shard 4, the first it did not reach,
   * and publishes shard 4's event. Starting each round one shard further than the last, the relay reached shard 4
   * only in rounds that began there: one in eight while shard 3 was busy.
   */
  @Test
  void theShardsARoundDidNotReach_areDrainedFirstInTheNextRound() {
    brokerDown.set(false);
    InMemoryOutboxStore quiet = new InMemoryOutboxStore(clock);
    EventEnvelope event = waitingIn(quiet, "waiting in shard 4");

    try (OutboxRelay relay = new OutboxRelay("test", new EightShards(quiet, 4, 3), flaky, Duration.ofHours(1),
        clock)) {
      relay.heldShards();
      assertThat(published).as("the first round stopped in shard 3").doesNotContain(event.getEventId());
      relay.nudge();
      relay.heldShards();
      assertThat(published).as("the second round began at shard 4").contains(event.getEventId());
    }
  }

  /**
   * Shard 5's event is refused once by the bus, and shard 3's endless backlog takes every round's time: shard 5 is
   * drained after the others for some rounds, then in its turn again, and its event is published. Kept last for
   * good, it was never reached while another shard was busy.
   */
  @Test
  void aShardWhoseSendWasRefused_isDrainedAgain_thoughAnotherShardsBacklogTakesEveryRoundsTime() {
    brokerDown.set(false);
    InMemoryOutboxStore quiet = new InMemoryOutboxStore(clock);
    EventEnvelope event = waitingIn(quiet, "waiting in shard 5");
    AtomicBoolean refused = new AtomicBoolean();
    EventBus refusesItOnce = new ForwardingBus(flaky) {
      @Override
      public CompletableFuture<String> publish(EventEnvelope envelope) {
        if (envelope.getEventId().equals(event.getEventId()) && !refused.getAndSet(true)) {
          return CompletableFuture.failedFuture(DomainException.unavailable("send queue full", null));
        }
        return super.publish(envelope);
      }
    };

    try (OutboxRelay relay = new OutboxRelay("test", new EightShards(quiet, 5, 3), refusesItOnce,
        Duration.ofMillis(50), clock)) {
      await().atMost(Duration.ofSeconds(10)).until(() -> published.contains(event.getEventId()));
    }
    assertThat(refused).as("the first send was refused").isTrue();
  }

  /**
   * Eight shards: {@code quietShard} holds the events of an in-memory outbox, {@code busyShard} (none when -1) an
   * endless backlog whose every page takes a second of the relay's clock, the others nothing.
   */
  private class EightShards extends CountingOutbox {
    private final int quietShard;
    private final int busyShard;
    private final EventEnvelope endless = flaky.envelope("challenge.progress", ENDLESS, StringValue.of("one of many"));
    private final java.util.concurrent.atomic.AtomicLong taken = new java.util.concurrent.atomic.AtomicLong();

    EightShards(InMemoryOutboxStore quiet, int quietShard, int busyShard) {
      super(quiet, new java.util.concurrent.atomic.AtomicInteger());
      this.quietShard = quietShard;
      this.busyShard = busyShard;
    }

    @Override
    public int shards() {
      return 8;
    }

    @Override
    public List<Pending> pending(int shard, Pending after, Instant since, Instant before, int limit) {
      if (shard == quietShard) {
        return super.pending(0, after, since, before, limit);
      }
      if (shard != busyShard) {
        return List.of();
      }
      now.set(now.get().plusSeconds(1));
      List<Pending> page = new ArrayList<>();
      for (int i = 0; i < limit; i++) {
        page.add(new Pending(shard, "busy-" + taken.incrementAndGet(), now.get(), endless));
      }
      return page;
    }

    @Override
    public void removeAll(List<Pending> events) {
      super.removeAll(events.stream().filter(event -> !event.position().startsWith("busy-")).toList());
    }
  }

  /** An outbox that counts its reads. */
  private static class CountingOutbox implements OutboxStore {
    private final OutboxStore store;
    private final java.util.concurrent.atomic.AtomicInteger reads;

    CountingOutbox(OutboxStore store, java.util.concurrent.atomic.AtomicInteger reads) {
      this.store = store;
      this.reads = reads;
    }

    @Override
    public int shards() {
      return store.shards();
    }

    @Override
    public boolean hold(int shard, String owner, Duration ttl) {
      return store.hold(shard, owner, ttl);
    }

    @Override
    public void release(int shard, String owner) {
      store.release(shard, owner);
    }

    @Override
    public List<Pending> pending(int shard, Pending after, Instant since, Instant before, int limit) {
      reads.incrementAndGet();
      return store.pending(shard, after, since, before, limit);
    }

    @Override
    public void removeAll(List<Pending> events) {
      store.removeAll(events);
    }

    @Override
    public Instant sentBefore(int shard) {
      return store.sentBefore(shard);
    }

    @Override
    public void recordSentBefore(int shard, Instant before) {
      store.recordSentBefore(shard, before);
    }
  }

  /**
   * An outbox whose reads fail, as a CQL server's do, when they pass more than {@code limit} events already removed
   * (tombstones) between where they begin and their last event (or their end, when the page is not full).
   */
  private static class TombstoneLimitedOutbox extends CountingOutbox {
    private final java.util.NavigableSet<Long> tombstones = new java.util.concurrent.ConcurrentSkipListSet<>();
    private final int limit;

    TombstoneLimitedOutbox(InMemoryOutboxStore store, int limit) {
      super(store, new java.util.concurrent.atomic.AtomicInteger());
      this.limit = limit;
    }

    @Override
    public List<Pending> pending(int shard, Pending after, Instant since, Instant before, int max) {
      List<Pending> page = super.pending(shard, after, since, before, max);
      long from = after != null ? Long.parseLong(after.position()) + 1 : InMemoryOutboxStore.micros(since);
      long to = page.size() == max ? Long.parseLong(page.get(page.size() - 1).position())
          : before == null ? Long.MAX_VALUE : InMemoryOutboxStore.micros(before);
      int passed = tombstones.subSet(from, true, to, false).size();
      if (passed > limit) {
        throw new OutboxStore.ReadTooLong("read through " + passed + " tombstones, more than " + limit, null);
      }
      return page;
    }

    @Override
    public void removeAll(List<Pending> events) {
      super.removeAll(events);
      events.forEach(event -> tombstones.add(Long.parseLong(event.position())));
    }
  }

  /** A bus that passes every call to another one. */
  private static class ForwardingBus implements EventBus {
    private final EventBus bus;

    ForwardingBus(EventBus bus) {
      this.bus = bus;
    }

    @Override
    public EventEnvelope envelope(String topic, String key, com.google.protobuf.Message payload) {
      return bus.envelope(topic, key, payload);
    }

    @Override
    public CompletableFuture<String> publish(EventEnvelope envelope) {
      return bus.publish(envelope);
    }

    @Override
    public EventSubscription subscribe(SubscriptionSpec spec, EventHandler handler) {
      return bus.subscribe(spec, handler);
    }

    @Override
    public List<DeadLetter> deadLetters(Predicate<DeadLetter> which, int limit) {
      return bus.deadLetters(which, limit);
    }

    @Override
    public int replayDeadLetters(Predicate<DeadLetter> which, Consumer<DeadLetter> onReplayed) {
      return bus.replayDeadLetters(which, onReplayed);
    }

    @Override
    public void close() {}
  }

  /** Adds {@code count} events, {@code apart} from each other after {@code start}, the clock showing each; their ids. */
  private List<String> addEvents(InMemoryOutboxStore outbox, Instant start, Duration apart, int count) {
    List<String> ids = new ArrayList<>();
    for (int n = 1; n <= count; n++) {
      now.set(start.plus(apart.multipliedBy(n)));
      EventEnvelope event = flaky.envelope("challenge.joined", "c-" + n, StringValue.of("event " + n));
      outbox.add(event);
      ids.add(event.getEventId());
    }
    return ids;
  }

  /** An event added to the outbox (key c-1), waiting to be published. */
  private EventEnvelope waitingIn(InMemoryOutboxStore outbox, String text) {
    EventEnvelope event = flaky.envelope("challenge.joined", "c-1", StringValue.of(text));
    outbox.add(event);
    return event;
  }

  /** A clock that shows what the test sets. */
  private static Clock clockShowing(AtomicReference<Instant> now) {
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
      }

      @Override
      public Instant instant() {
        return now.get();
      }
    };
  }

  private static List<EventEnvelope> waiting(InMemoryOutboxStore outbox) {
    return outbox.pending(0, null, java.time.Instant.EPOCH, null, 10).stream().map(OutboxStore.Pending::envelope).toList();
  }
}
