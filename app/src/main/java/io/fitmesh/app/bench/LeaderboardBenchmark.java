package io.fitmesh.app.bench;

import org.redisson.api.RScript;
import io.fitmesh.challenge.adapters.RedisLeaderboard;
import com.datastax.oss.driver.api.core.uuid.Uuids;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.CqlSession;
import io.fitmesh.app.FitmeshNode;
import io.fitmesh.challenge.domain.Challenge;
import io.fitmesh.challenge.domain.Score;
import io.fitmesh.challenge.domain.ScoreKey;
import io.fitmesh.challenge.codec.ChallengeProtos;
import io.fitmesh.challenge.v1.ChallengeProgressed;
import io.fitmesh.challenge.v1.ChallengeServiceGrpc.ChallengeServiceBlockingStub;
import io.fitmesh.challenge.v1.ChallengeServiceGrpc.ChallengeServiceFutureStub;
import io.fitmesh.challenge.v1.CreateChallengeRequest;
import io.fitmesh.challenge.v1.GetRankRequest;
import io.fitmesh.challenge.v1.GoalKind;
import io.fitmesh.challenge.v1.JoinChallengeRequest;
import io.fitmesh.challenge.v1.LeaderboardServiceGrpc.LeaderboardServiceBlockingStub;
import io.fitmesh.challenge.v1.LeaderboardServiceGrpc.LeaderboardServiceStub;
import io.fitmesh.challenge.v1.WatchLeaderboardRequest;
import io.fitmesh.challenge.v1.WatchLeaderboardResponse;
import io.fitmesh.events.v1.EventEnvelope;
import io.fitmesh.platform.client.GrpcChannels;
import io.fitmesh.platform.config.Settings;
import io.fitmesh.platform.runtime.PlatformRuntime;
import io.fitmesh.training.analytics.events.ChallengeEventsConsumer;
import com.linecorp.armeria.client.ClientFactory;
import com.linecorp.armeria.client.grpc.GrpcClients;
import io.grpc.CallCredentials;
import io.grpc.Metadata;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;
import org.apache.pulsar.client.api.Consumer;
import org.apache.pulsar.client.api.Messages;
import org.apache.pulsar.client.api.Producer;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.SubscriptionInitialPosition;
import org.apache.pulsar.client.api.SubscriptionType;
import org.apache.pulsar.client.api.BatchReceivePolicy;
import org.redisson.api.BatchOptions;
import org.redisson.api.RBatch;
import org.redisson.api.RScoredSortedSet;
import org.redisson.api.RScoredSortedSetAsync;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * fitmesh bench leaderboard, on one challenge in local mode:
 * <ol>
 *   <li>joins: after a warm-up of 10k joins to another challenge, {@code joins} athletes join through ChallengeService (CQL + Redis + challenge.joined), {@link #IN_FLIGHT} in flight;
 *   <li>the raw join chain as a baseline: the same Redis script, three CQL writes and one Pulsar publish per join,
 *       as many in flight, without gRPC, auth or domain code;
 *   <li>the board is filled to {@code participants} entries (the rest loaded straight into Redis);
 *   <li>GetRank p50/p99 through LeaderboardService at that size, after {@link #RANK_WARM_UP} calls, once the events
 *       the joins left behind (the relay's publishes, training's analytics) are worked through ({@link EventBacklogs});
 *   <li>watch delay: {@code watchers} WatchLeaderboard streams; a progress event moves an athlete to the top,
 *       and the time until each stream shows it is measured, over {@link #WATCH_MOVES} such moves after
 *       {@link #WATCH_WARM_UP} unmeasured ones;
 *   <li>raw baselines: pipelined ZADD into a scratch set, and a raw Pulsar consumer draining a backlog of the
 *       same events;
 *   <li>updates: a backlog of {@code updates} challenge.progress events is drained by the challenge service
 *       (Pulsar -> batch consumer -> Redis), timed from the first event applied to the last; training's analytics,
 *       which subscribe to the same topic, skip them.
 * </ol>
 * The joins, the raw chain, GetRank and the watch also report what else the machine did meanwhile
 * ({@link PhaseLoad}: the CQL server's compactions, CPU).
 */
public final class LeaderboardBenchmark {
  private static final int IN_FLIGHT = 256;
  private static final int RANK_CALLS = 20_000;
  /**
   * GetRank calls before the measured ones, so that they meet a compiled path: on 2 busy cores the calls kept
   * getting faster for about 10,000 calls (7 ms to 1.3 ms a call), and the 2,000 warm-up calls used before left
   * the slow ones in the measured p99.
   */
  static final int RANK_WARM_UP = 10_000;
  /**
   * Board moves shown to every watch stream before the measured ones: the first few sends and receives of 10,000
   * streams run on paths not yet compiled (the JVM's CPU for one move fell from about 630 to 320 ms over 8 moves).
   */
  static final int WATCH_WARM_UP = 10;
  /** Measured board moves; the delays of all their streams make one histogram. */
  static final int WATCH_MOVES = 5;
  /** A quiet time before each move, so that each one meets an idle board. */
  private static final long WATCH_PAUSE_MS = 500;
  /** Joins of a throwaway challenge first, so that the timed joins meet warm JVMs (ours and the servers'). */
  private static final int WARM_UP_JOINS = 10_000;
  /** Phones have connections of their own: calls are spread over several, as many phones' would be. */
  private static final ClientFactory PHONES = ClientFactory.builder().maxNumEventLoopsPerEndpoint(8).build();
  /** Athletes only the first and the last event of the backlog update, to time its drain. */
  private static final String FIRST_MARKER = "bench-marker-first";
  private static final String LAST_MARKER = "bench-marker-last";
  /** How long GetRank waits for the events the joins left behind to be worked through. */
  private static final Duration SETTLE_PATIENCE = Duration.ofMinutes(5);

  private final java.util.function.Supplier<PlatformRuntime> runtimes;
  private final Settings settings;
  private final PrintStream out;
  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final EventBacklogs backlogs;
  private PlatformRuntime runtime;
  private FitmeshNode node;
  private GrpcChannels channels;
  private RedissonClient redis;
  private PhaseLoad load;

  /** {@code runtimes} opens a local-mode runtime; the benchmark starts and stops nodes on them itself. */
  public LeaderboardBenchmark(java.util.function.Supplier<PlatformRuntime> runtimes, Settings settings,
      PrintStream out) {
    this.runtimes = runtimes;
    this.settings = settings;
    this.out = out;
    this.backlogs = new EventBacklogs(out);
  }

  private void startNode() {
    runtime = runtimes.get();
    node = FitmeshNode.start(runtime);
    channels = new GrpcChannels(runtime.openTelemetry(), Duration.ofSeconds(60));
    redis = runtime.redis().orElseThrow(() -> new IllegalStateException("bench leaderboard needs Redis"));
    load = new PhaseLoad(runtime.cql().orElseThrow(() -> new IllegalStateException("bench leaderboard needs CQL")),
        BenchReport.localServers());
  }

  /** What one run measured. */
  public record Result(int joins, double joinSeconds, double rawJoinSeconds, int participants, double rankP50Ms,
      double rankP99Ms,
      int watchers, double watchP50Ms, double watchP99Ms, double watchMaxMs, double rawZaddPerS,
      double rawPulsarPerS, int updates, double updatesPerS, Loads loads) {}

  /** What else the machine did during the joins, the raw chain, GetRank and the watch ({@link PhaseLoad#during()}). */
  public record Loads(String joins, String rawJoins, String rank, String watch) {}

  public Result run(int joins, int participants, int watchers, int updates) throws Exception {
    startNode();
    try {
      return measure(joins, participants, watchers, updates);
    } finally {
      node.close();
    }
  }

  private Result measure(int joins, int participants, int watchers, int updates) throws Exception {
    String creator = "bench-creator-" + run;
    Challenge challenge = createChallenge(creator);
    out.printf("bench leaderboard: challenge %s%n", challenge.challengeId());
    int warmUp = Math.min(WARM_UP_JOINS, joins);
    out.printf("  warm-up: %,d joins of another challenge ...%n", warmUp);
    join(createChallenge(creator).challengeId(), warmUp);
    load.reset();
    double joinSeconds = join(challenge.challengeId(), joins);
    String joinLoad = load.during();
    out.printf("  %,d joins through ChallengeService: %.1f s (%,.0f joins/s)%n", joins, joinSeconds,
        joins / joinSeconds);
    load.reset();
    double rawJoinSeconds = rawJoinChain(joins);
    String rawJoinLoad = load.during();
    out.printf("  %,d raw join chains (Redis script, 3 CQL writes, 1 Pulsar publish; no gRPC): %.1f s (%,.0f/s)%n",
        joins, rawJoinSeconds, joins / rawJoinSeconds);
    fillBoard(challenge, joins, participants);
    boolean settled = backlogs.awaitWorkedThrough(SETTLE_PATIENCE);
    load.reset();
    double[] rank = getRank(challenge.challengeId(), joins);
    String rankLoad = (settled ? "" : "begun while the joins' events were still being worked through; ")
        + load.during();
    out.printf("  GetRank at %,d entries: p50 %.2f ms, p99 %.2f ms%n", participants, rank[0], rank[1]);
    load.reset();
    double[] watch = watchDelay(challenge, participants, watchers);
    String watchLoad = load.during();
    out.printf("  watch delay to %,d streams: p50 %.0f ms, p99 %.0f ms, max %.0f ms%n", watchers, watch[0],
        watch[1], watch[2]);
    Backlog backlog = publishBacklog(challenge, progressEvents(challenge, participants, updates));
    double rawZadd = rawZadd(updates, participants);
    out.printf("  raw pipelined ZADD: %,.0f/s%n", rawZadd);
    double rawPulsar = rawPulsarConsume(progressEvents(challenge, participants, updates));
    out.printf("  raw Pulsar consume of %,d events: %,.0f/s%n", updates, rawPulsar);
    double applied = drain(challenge, backlog);
    out.printf("  FitMesh board updates (Pulsar -> challenge service -> Redis): %,.0f/s%n", applied);
    return new Result(joins, joinSeconds, rawJoinSeconds, participants, rank[0], rank[1], watchers, watch[0],
        watch[1], watch[2], rawZadd, rawPulsar, updates, applied, new Loads(joinLoad, rawJoinLoad, rankLoad,
        watchLoad));
  }

  private Challenge createChallenge(String creator) {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    var draft = io.fitmesh.challenge.v1.Challenge.newBuilder().setTitle("Bench " + run)
        .setGoalKind(GoalKind.GOAL_KIND_TOTAL_DISTANCE).setTimeZone("UTC")
        .setStartDate(com.google.type.Date.newBuilder().setYear(today.getYear()).setMonth(today.getMonthValue())
            .setDay(today.getDayOfMonth()))
        .setEndDate(com.google.type.Date.newBuilder().setYear(today.plusDays(30).getYear())
            .setMonth(today.plusDays(30).getMonthValue()).setDay(today.plusDays(30).getDayOfMonth()))
        .build();
    var stub = channels.stub(endpoint(), ChallengeServiceBlockingStub.class, token(creator));
    return ChallengeProtos.toDomain(stub.createChallenge(CreateChallengeRequest.newBuilder().setChallenge(draft)
        .build()).getChallenge());
  }

  private double join(String challengeId, int joins) throws Exception {
    ChallengeServiceFutureStub stub = GrpcClients.builder("http://" + endpoint()).factory(PHONES)
        .responseTimeout(Duration.ofSeconds(60)).build(ChallengeServiceFutureStub.class);
    Semaphore inFlight = new Semaphore(IN_FLIGHT);
    AtomicLong failures = new AtomicLong();
    Progress progress = new Progress(out, "joins", joins);
    long started = System.nanoTime();
    for (int i = 0; i < joins; i++) {
      inFlight.acquire();
      var call = stub.withCallCredentials(bearer(token(athlete(i))))
          .joinChallenge(JoinChallengeRequest.newBuilder().setChallengeId(challengeId).build());
      call.addListener(() -> {
        try {
          call.get();
        } catch (Exception e) {
          failures.incrementAndGet();
        }
        inFlight.release();
      }, Runnable::run);
      progress.at(i + 1L);
    }
    inFlight.acquire(IN_FLIGHT);
    inFlight.release(IN_FLIGHT);
    double seconds = (System.nanoTime() - started) / 1e9;
    if (failures.get() > 0) {
      throw new IllegalStateException(failures.get() + " joins failed");
    }
    return seconds;
  }

  /**
   * The raw baseline of a join: the same backend chain as ChallengeService, with the same concurrency and no gRPC,
   * auth or domain code: the board script on a scratch board, the participant, membership and outbox rows into
   * scratch tables of the same shape, and one Pulsar publish to a scratch topic, one after the other per join.
   */
  private double rawJoinChain(int joins) throws Exception {
    CqlSession cql = runtime.cql().orElseThrow(() -> new IllegalStateException("bench leaderboard needs CQL"));
    cql.execute("CREATE KEYSPACE IF NOT EXISTS fitmesh_bench_raw WITH replication = "
        + "{'class': 'SimpleStrategy', 'replication_factor': 1}");
    cql.execute("CREATE TABLE IF NOT EXISTS fitmesh_bench_raw.participants (challenge_id text, bucket int, "
        + "athlete_id text, join_time timestamp, PRIMARY KEY ((challenge_id, bucket), athlete_id))");
    cql.execute("CREATE TABLE IF NOT EXISTS fitmesh_bench_raw.athlete_challenges (athlete_id text, "
        + "challenge_id text, PRIMARY KEY (athlete_id, challenge_id))");
    cql.execute("CREATE TABLE IF NOT EXISTS fitmesh_bench_raw.outbox (shard int, id timeuuid, envelope blob, "
        + "PRIMARY KEY (shard, id))");
    PreparedStatement participant = cql.prepare("INSERT INTO fitmesh_bench_raw.participants (challenge_id, bucket, "
        + "athlete_id, join_time) VALUES (?, ?, ?, ?)");
    PreparedStatement membership = cql.prepare("INSERT INTO fitmesh_bench_raw.athlete_challenges (athlete_id, "
        + "challenge_id) VALUES (?, ?)");
    PreparedStatement outbox = cql.prepare("INSERT INTO fitmesh_bench_raw.outbox (shard, id, envelope) "
        + "VALUES (?, ?, ?)");
    String challengeId = "raw-" + run;
    String board = "fitmesh:bench:raw-board:" + run;
    Semaphore inFlight = new Semaphore(IN_FLIGHT);
    AtomicLong failures = new AtomicLong();
    Progress progress = new Progress(out, "raw join chains", joins);
    long started = System.nanoTime();
    for (int i = 0; i < joins; i++) {
      inFlight.acquire();
      String athlete = athlete(i);
      byte[] envelope = ("joined " + athlete).getBytes(java.nio.charset.StandardCharsets.UTF_8);
      redis.getScript(StringCodec.INSTANCE).evalAsync(RScript.Mode.READ_WRITE, RedisLeaderboard.ADD_IF_ABSENT,
              RScript.ReturnType.LIST, List.of(board, board + ":version"), "0", athlete, "fitmesh:bench:raw", challengeId)
          .toCompletableFuture()
          .thenCompose(placed -> CompletableFuture.allOf(
              cql.executeAsync(participant.bind(challengeId, Math.floorMod(athlete.hashCode(), 16), athlete,
                  Instant.now())).toCompletableFuture(),
              cql.executeAsync(membership.bind(athlete, challengeId)).toCompletableFuture(),
              cql.executeAsync(outbox.bind(Math.floorMod(athlete.hashCode(), 8), Uuids.timeBased(),
                  java.nio.ByteBuffer.wrap(envelope))).toCompletableFuture()))
          .thenCompose(written -> runtime.events().publish("bench.raw-joined", athlete, ChallengeProgressed
              .newBuilder().setChallengeId(challengeId).setAthleteId(athlete).build()))
          .whenComplete((done, failure) -> {
            if (failure != null) {
              failures.incrementAndGet();
            }
            inFlight.release();
          });
      progress.at(i + 1L);
    }
    inFlight.acquire(IN_FLIGHT);
    inFlight.release(IN_FLIGHT);
    double seconds = (System.nanoTime() - started) / 1e9;
    if (failures.get() > 0) {
      throw new IllegalStateException(failures.get() + " raw join chains failed");
    }
    return seconds;
  }

  private void fillBoard(Challenge challenge, int from, int participants) {
    out.printf("  loading %,d more entries straight into Redis ...%n", participants - from);
    String key = "fitmesh:board:" + challenge.challengeId();
    var markers = redis.<String>getScoredSortedSet(key, StringCodec.INSTANCE);
    markers.add(0, FIRST_MARKER);
    markers.add(0, LAST_MARKER);
    java.util.Random random = new java.util.Random(1);
    Progress progress = new Progress(out, "entries loaded", participants - from);
    for (int start = from; start < participants; start += 10_000) {
      progress.at(start - from);
      RBatch batch = redis.createBatch(BatchOptions.defaults());
      RScoredSortedSetAsync<String> set = batch.getScoredSortedSet(key, StringCodec.INSTANCE);
      for (int i = start; i < Math.min(participants, start + 10_000); i++) {
        set.addAsync(ScoreKey.of(challenge, score(challenge, random)), athlete(i));
      }
      batch.execute();
    }
  }

  private double[] getRank(String challengeId, int joined) {
    LeaderboardServiceBlockingStub stub = channels.stub(endpoint(), LeaderboardServiceBlockingStub.class,
        token("nobody"));
    Histogram h = new Histogram(3);
    java.util.Random random = new java.util.Random(2);
    Progress progress = new Progress(out, "GetRank calls (the first " + RANK_WARM_UP + " warm up)",
        RANK_WARM_UP + RANK_CALLS);
    for (int i = 0; i < RANK_WARM_UP + RANK_CALLS; i++) {
      progress.at(i);
      String athlete = athlete(random.nextInt(joined));
      long t = System.nanoTime();
      stub.withCallCredentials(bearer(token(athlete))).getRank(GetRankRequest.newBuilder()
          .setChallengeId(challengeId).setNeighbours(5).build());
      if (i >= RANK_WARM_UP) {
        h.recordValue(System.nanoTime() - t);
      }
    }
    progress.at(RANK_WARM_UP + RANK_CALLS);
    return new double[] {h.getValueAtPercentile(50) / 1e6, h.getValueAtPercentile(99) / 1e6};
  }

  private double[] watchDelay(Challenge challenge, int participants, int watchers) throws Exception {
    LeaderboardServiceStub stub = GrpcClients.builder("http://" + endpoint()).factory(PHONES)
        .responseTimeout(Duration.ZERO).build(LeaderboardServiceStub.class);
    AtomicReference<Move> current = new AtomicReference<>();
    Histogram delays = new Histogram(3);
    java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(watchers);
    List<ClientCallStreamObserver<?>> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
    AtomicReference<io.grpc.Status> firstFailure = new AtomicReference<>();
    try {
      for (int i = 0; i < watchers; i++) {
        String watcher = athlete(i);
        stub.withCallCredentials(bearer(token(watcher))).watchLeaderboard(
            WatchLeaderboardRequest.newBuilder().setChallengeId(challenge.challengeId()).setTop(3).build(),
            new ClientResponseObserver<WatchLeaderboardRequest, WatchLeaderboardResponse>() {
              private boolean first = true;
              private Move counted;

              @Override
              public void beforeStart(ClientCallStreamObserver<WatchLeaderboardRequest> requests) {
                calls.add(requests);
              }

              @Override
              public synchronized void onNext(WatchLeaderboardResponse view) {
                if (first) {
                  first = false;
                  started.countDown();
                }
                Move move = current.get();
                if (move != null && move != counted && view.getTop(0).getAthleteId().equals(move.leader())) {
                  counted = move;
                  move.seenBy(delays);
                }
              }

              @Override
              public void onError(Throwable t) {
                firstFailure.compareAndSet(null, io.grpc.Status.fromThrowable(t));
              }

              @Override
              public void onCompleted() {}
            });
      }
      Progress opening = new Progress(out, "watch streams started", watchers);
      if (!awaitAll(started, Duration.ofSeconds(120), () -> opening.at(watchers - started.getCount()))) {
        throw new IllegalStateException("not every watch stream started" + failure(firstFailure.get()));
      }
      opening.at(watchers);
      Progress progress = new Progress(out, "board moves shown to every stream", WATCH_WARM_UP + WATCH_MOVES);
      for (int m = 0; m < WATCH_WARM_UP + WATCH_MOVES; m++) {
        Thread.sleep(WATCH_PAUSE_MS);
        Move move = new Move(athlete(participants - 1 - m), m >= WATCH_WARM_UP, watchers);
        current.set(move);
        Score top = new Score(5_000_000 + m, Instant.now(), 1);
        runtime.events().publish("challenge.progress", challenge.challengeId(), ChallengeProgressed.newBuilder()
            .setChallengeId(challenge.challengeId()).setAthleteId(move.leader()).setScore(top.value())
            .setBoardScore(ScoreKey.of(challenge, top)).build()).join();
        int moved = m;
        if (!awaitAll(move.seen(), Duration.ofSeconds(60), () -> progress.at(moved))) {
          throw new IllegalStateException(move.seen().getCount() + " watch streams never showed the new leader"
              + failure(firstFailure.get()));
        }
        progress.at(m + 1);
      }
    } finally {
      calls.forEach(c -> c.cancel("the bench is done watching", null));
    }
    return new double[] {delays.getValueAtPercentile(50) / 1e6, delays.getValueAtPercentile(99) / 1e6,
        delays.getMaxValue() / 1e6};
  }

  /** One athlete moved to the top of the board, and the streams that have shown it. */
  private static final class Move {
    private final String leader;
    private final boolean measured;
    private final long movedAt = System.nanoTime();
    private final java.util.concurrent.CountDownLatch seen;

    Move(String leader, boolean measured, int watchers) {
      this.leader = leader;
      this.measured = measured;
      this.seen = new java.util.concurrent.CountDownLatch(watchers);
    }

    String leader() {
      return leader;
    }

    java.util.concurrent.CountDownLatch seen() {
      return seen;
    }

    void seenBy(Histogram delays) {
      if (measured) {
        synchronized (delays) {
          delays.recordValue(System.nanoTime() - movedAt);
        }
      }
      seen.countDown();
    }
  }

  /** Waits up to {@code limit} for the latch to open, reporting progress every second; false when it stayed shut. */
  private static boolean awaitAll(java.util.concurrent.CountDownLatch latch, Duration limit, Runnable report)
      throws InterruptedException {
    long until = System.nanoTime() + limit.toNanos();
    while (!latch.await(1, TimeUnit.SECONDS)) {
      report.run();
      if (System.nanoTime() > until) {
        return false;
      }
    }
    return true;
  }

  private static String failure(io.grpc.Status status) {
    return status == null ? "" : "; the first stream that failed ended with " + status.getCode() + ": "
        + status.getDescription();
  }

  private double rawZadd(int updates, int participants) {
    String key = "fitmesh:bench:raw-zadd:" + run;
    java.util.Random random = new java.util.Random(3);
    long started = System.nanoTime();
    List<CompletableFuture<?>> pending = new ArrayList<>();
    for (int start = 0; start < updates; start += 1000) {
      RBatch batch = redis.createBatch(BatchOptions.defaults());
      RScoredSortedSetAsync<String> set = batch.getScoredSortedSet(key, StringCodec.INSTANCE);
      for (int i = start; i < Math.min(updates, start + 1000); i++) {
        set.addAsync(random.nextInt(1 << 30) * 33_554_432.0, athlete(random.nextInt(participants)));
      }
      pending.add(batch.executeAsync().toCompletableFuture());
      if (pending.size() >= 8) {
        pending.remove(0).join();
      }
    }
    pending.forEach(CompletableFuture::join);
    double rate = updates / ((System.nanoTime() - started) / 1e9);
    redis.getKeys().delete(key);
    return rate;
  }

  private List<EventEnvelope> progressEvents(Challenge challenge, int participants, int updates) {
    java.util.Random random = new java.util.Random(4);
    List<EventEnvelope> events = new ArrayList<>(updates);
    for (int i = 0; i < updates; i++) {
      Score score = score(challenge, random);
      String athlete = i == 0 ? FIRST_MARKER : i == updates - 1 ? LAST_MARKER : athlete(random.nextInt(participants));
      events.add(runtime.events().envelope("challenge.progress", challenge.challengeId(),
          ChallengeProgressed.newBuilder().setChallengeId(challenge.challengeId())
              .setAthleteId(athlete).setScore(score.value())
              .setBoardScore(ScoreKey.of(challenge, score)).build()));
    }
    return events;
  }

  /** A fresh topic gets the same events; one raw consumer drains them with batch receive. */
  private double rawPulsarConsume(List<EventEnvelope> events) throws Exception {
    String topic = "persistent://public/default/bench.raw-consume-" + run;
    try (PulsarClient client = PulsarClient.builder().serviceUrl(runtime.config().pulsar().serviceUrl()).build();
        Consumer<byte[]> consumer = client.newConsumer().topic(topic).subscriptionName("raw")
            .subscriptionType(SubscriptionType.Key_Shared)
            .subscriptionInitialPosition(SubscriptionInitialPosition.Earliest)
            .receiverQueueSize(2000)
            .batchReceivePolicy(BatchReceivePolicy.builder().maxNumMessages(1000).maxNumBytes(-1)
                .timeout(10, TimeUnit.MILLISECONDS).build())
            .subscribe();
        Producer<byte[]> producer = client.newProducer().topic(topic).blockIfQueueFull(true)
            .batchingMaxPublishDelay(1, TimeUnit.MILLISECONDS).create()) {
      for (EventEnvelope e : events) {
        producer.newMessage().key(e.getKey()).value(e.toByteArray()).sendAsync();
      }
      producer.flush();
      long started = System.nanoTime();
      int received = 0;
      while (received < events.size()) {
        Messages<byte[]> batch = consumer.batchReceive();
        received += batch.size();
        consumer.acknowledge(batch);
      }
      return received / ((System.nanoTime() - started) / 1e9);
    }
  }

  /** The first and last events of a published backlog, to time its drain by. */
  private record Backlog(int count, ChallengeProgressed first, ChallengeProgressed last) {}

  /**
   * Stops the node, so that nothing consumes challenge.progress, and publishes the events as a backlog; the
   * raw baselines then run on the same quiet machine, and {@link #drain} starts the node again.
   */
  private Backlog publishBacklog(Challenge challenge, List<EventEnvelope> events) throws Exception {
    node.close();
    runtime = runtimes.get();
    redis = runtime.redis().orElseThrow();
    Backlog backlog = new Backlog(events.size(), events.get(0).getPayload().unpack(ChallengeProgressed.class),
        events.get(events.size() - 1).getPayload().unpack(ChallengeProgressed.class));
    List<CompletableFuture<String>> sent = new ArrayList<>();
    for (EventEnvelope e : events) {
      sent.add(runtime.events().publish(e));
      if (sent.size() >= 10_000) {
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        sent.clear();
      }
    }
    CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
    out.printf("    %,d challenge.progress events published while the challenge service is stopped%n",
        backlog.count());
    skipAnalyticsBacklog();
    return backlog;
  }

  /**
   * Training's analytics also subscribe to challenge.progress: left alone, they would work through the synthetic
   * backlog on the same 2 cores while the challenge service drains it (the row measures the challenge service),
   * and after the run, during whatever is measured next (a million events take minutes).
   */
  private void skipAnalyticsBacklog() {
    backlogs.skipAll("challenge.progress", ChallengeEventsConsumer.SUBSCRIPTION);
    out.printf("    training's analytics skip them (subscription %s)%n", ChallengeEventsConsumer.SUBSCRIPTION);
  }

  /** Starts the node and times its drain of the backlog, from the first event applied to the last. */
  private double drain(Challenge challenge, Backlog backlog) throws Exception {
    var board = redis.<String>getScoredSortedSet("fitmesh:board:" + challenge.challengeId(), StringCodec.INSTANCE);
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
    // watched from before the node starts: its consumer begins draining while the other deployables still start
    CompletableFuture<Long> first = CompletableFuture.supplyAsync(() -> whenApplied(board, backlog.first(), deadline));
    node = FitmeshNode.start(runtime);
    long last = whenApplied(board, backlog.last(), deadline);
    return backlog.count() / ((last - first.get()) / 1e9);
  }

  /** When (System.nanoTime, within a few ms) the board shows the event's key for its athlete. */
  private static long whenApplied(RScoredSortedSet<String> board, ChallengeProgressed event, long deadline) {
    Double key = event.getBoardScore();
    while (System.nanoTime() - deadline < 0) {
      if (key.equals(board.getScore(event.getAthleteId()))) {
        return System.nanoTime();
      }
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new IllegalStateException("the board did not apply the backlog within 10 minutes");
  }

  private static Score score(Challenge challenge, java.util.Random random) {
    return new Score(random.nextInt(2_000_000), challenge.createTime().plusSeconds(random.nextInt(86_400 * 20)), 1);
  }

  private String endpoint() {
    return node.endpoint("challenge");
  }

  /** A fresh service token for the challenge deployable on behalf of the athlete (they live a minute). */
  private String token(String athlete) {
    return BenchAuth.serviceTokenNow(runtime, athlete, "challenge");
  }

  private String athlete(int i) {
    return "bench-" + run + "-" + i;
  }

  private static CallCredentials bearer(String token) {
    return new CallCredentials() {
      @Override
      public void applyRequestMetadata(RequestInfo info, Executor executor, MetadataApplier applier) {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        applier.apply(headers);
      }
    };
  }
}
