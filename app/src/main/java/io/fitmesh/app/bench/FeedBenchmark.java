package io.fitmesh.app.bench;

import static io.fitmesh.app.bench.BenchReport.ms;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.eatthepath.pushy.apns.server.MockApnsServer;
import com.eatthepath.pushy.apns.server.MockApnsServerBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fitmesh.app.FitmeshNode;
import io.fitmesh.bff.v1.GetFeedRequest;
import io.fitmesh.bff.v1.MobileNotificationServiceGrpc.MobileNotificationServiceBlockingStub;
import io.fitmesh.bff.v1.MobileSocialServiceGrpc.MobileSocialServiceFutureStub;
import io.fitmesh.bff.v1.RegisterDeviceRequest;
import io.fitmesh.common.v1.LatLng;
import io.fitmesh.common.v1.Sport;
import io.fitmesh.common.v1.Visibility;
import io.fitmesh.notification.v1.DevicePlatform;
import io.fitmesh.platform.client.GrpcChannels;
import io.fitmesh.platform.config.Backends;
import io.fitmesh.platform.config.PlatformConfig;
import io.fitmesh.platform.config.Settings;
import io.fitmesh.platform.grpc.ProtoTime;
import io.fitmesh.platform.runtime.PlatformRuntime;
import io.fitmesh.social.SocialBackends;
import io.fitmesh.social.domain.Activity;
import io.fitmesh.social.domain.Follow;
import io.fitmesh.social.domain.FollowState;
import io.fitmesh.social.domain.TimelineEntry;
import io.fitmesh.training.v1.TrainingCompleted;
import io.fitmesh.training.v1.Workout;
import io.fitmesh.training.v1.WorkoutState;
import io.netty.handler.ssl.util.SelfSignedCertificate;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.redisson.api.BatchOptions;
import org.redisson.api.RBatch;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * fitmesh bench feed, in local mode with the node's real consumers and a mock APNs server on loopback:
 * <ol>
 *   <li>fan-out latency: one author with {@code followers} followers (all with built timelines) finishes 20
 *       workouts one after the other; each is timed from its training.completed to the last follower's timeline
 *       holding it;
 *   <li>sustained fan-out: 40 workouts at once, timeline writes per second until the last is written, next to
 *       raw pipelined Redis ZADD of as many members to the same timelines (batches of 1000, 8 in flight);
 *   <li>home feed: a reader following 200 athletes and a celebrity reads pages of 20 through the BFF at
 *       {@code readRate} reads/s (open loop, latency from the intended start);
 *   <li>push: {@code pushRate} workouts/s, each by an athlete the phone's owner follows; timed from
 *       training.completed to the mock APNs server receiving the push.
 * </ol>
 */
public final class FeedBenchmark implements AutoCloseable {
  private static final int LATENCY_WORKOUTS = 20;
  private static final int SUSTAINED_WORKOUTS = 40;
  private static final int READ_AUTHORS = 200;
  private static final int IN_FLIGHT = 1024;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What one run measured. */
  public record Result(int followers, double fanOutP50Ms, double fanOutP99Ms, long sustainedWrites,
      double fanOutWritesPerS, double rawZaddPerS, int readRate, long reads, double readP50Ms, double readP99Ms,
      long readFailures, int pushRate, long pushes, double pushP50Ms, double pushP99Ms, long pushesMissing) {}

  private final PrintStream out;
  private final String run = UUID.randomUUID().toString().substring(0, 6);
  private final Map<String, Long> pushArrivals = new ConcurrentHashMap<>();
  private final MockApnsServer apns;
  private final PlatformRuntime runtime;
  private final FitmeshNode node;
  private final SocialBackends social;
  private final RedissonClient redis;
  private final GrpcChannels channels;

  public FeedBenchmark(Settings settings, PrintStream out) throws Exception {
    this.out = out;
    SelfSignedCertificate cert = new SelfSignedCertificate("localhost");
    apns = new MockApnsServerBuilder()
        .setServerCredentials(new X509Certificate[] {cert.cert()}, cert.key(), null)
        .setHandlerFactory(ssl -> (headers, body) -> {
          try {
            pushArrivals.putIfAbsent(JSON.readTree(body.toString(UTF_8)).at("/aps/alert/title").asText(),
                System.nanoTime());
          } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
          }
        })
        .build();
    int port = (Integer) apns.start(0).get();
    Path dir = Files.createTempDirectory("fitmesh-bench-push");
    KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
    ec.initialize(new ECGenParameterSpec("secp256r1"));
    Path p8 = Files.writeString(dir.resolve("apns.p8"), "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(UTF_8)).encodeToString(ec.generateKeyPair().getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n");
    Map<String, String> push = new HashMap<>(Map.of("FITMESH_APNS_KEY_FILE", p8.toString(),
        "FITMESH_APNS_KEY_ID", "KEY1234567", "FITMESH_APNS_TEAM_ID", "TEAM123456",
        "FITMESH_APNS_TOPIC", "io.fitmesh.bench", "FITMESH_APNS_SERVER", "localhost:" + port,
        "FITMESH_APNS_TRUSTED_CA", cert.certificate().getAbsolutePath(), "FITMESH_PUSH_RATE_LIMIT", "10000"));
    runtime = PlatformRuntime.open(PlatformConfig.from(settings.withOverrides(push), Backends.LOCAL), "bench");
    node = FitmeshNode.start(runtime);
    social = SocialBackends.open(runtime);
    redis = runtime.redis().orElseThrow(() -> new IllegalStateException("bench feed needs Redis"));
    channels = new GrpcChannels(runtime.openTelemetry(), Duration.ofSeconds(30));
  }

  public Result run(int followers, int readRate, int pushRate, int seconds) throws Exception {
    String author = "fb-" + run + "-author";
    List<String> fans = followers(author, followers);
    out.printf("  fan-out to %,d followers: %d workouts one by one ...%n", followers, LATENCY_WORKOUTS);
    String last = fans.get(fans.size() - 1);
    for (int i = 0; i < 3; i++) {
      fanOutOnce(author, last);
    }
    Histogram fanOut = new Histogram(3);
    for (int i = 0; i < LATENCY_WORKOUTS; i++) {
      fanOut.recordValue(fanOutOnce(author, last));
    }
    out.printf("  sustained fan-out: %d workouts at once ...%n", SUSTAINED_WORKOUTS);
    long sustainedWrites = (long) SUSTAINED_WORKOUTS * (followers + 1);
    double fanOutPerS = sustainedWrites / sustained(author, last);
    double rawPerS = rawZadd(fans, SUSTAINED_WORKOUTS);
    out.printf("  home feed reads at %,d/s for %d s ...%n", readRate, seconds);
    long[] readCounts = new long[2];
    Histogram reads = reads(readRate, seconds, readCounts);
    out.printf("  pushes at %d workouts/s for %d s ...%n", pushRate, seconds);
    long[] pushCounts = new long[2];
    Histogram pushes = pushes(pushRate, seconds, pushCounts);
    return new Result(followers, ms(fanOut, 50), ms(fanOut, 99), sustainedWrites, fanOutPerS, rawPerS, readRate,
        readCounts[0], ms(reads, 50), ms(reads, 99), readCounts[1], pushRate, pushCounts[0], ms(pushes, 50),
        ms(pushes, 99), pushCounts[1]);
  }

  /** The author's followers, each with a built timeline; in id order, so the last is the last fanned out. */
  private List<String> followers(String author, int count) {
    out.printf("  %,d followers of %s ...%n", count, author);
    social.profiles().createIfAbsent(author);
    List<String> fans = new ArrayList<>();
    Instant now = Instant.now();
    Progress progress = new Progress(out, "followers", count);
    for (int i = 0; i < count; i++) {
      String fan = String.format("fb-%s-fan-%06d", run, i);
      fans.add(fan);
      social.graph().putFollow(new Follow(fan, author, FollowState.FOLLOWING, now), null);
      social.timelines().markBuilt(fan);
      progress.at(i + 1);
    }
    return fans;
  }

  /** Nanoseconds from publishing one workout to the last follower's timeline holding it. */
  private long fanOutOnce(String author, String lastFollower) throws Exception {
    Workout w = workout(author, Visibility.VISIBILITY_EVERYONE);
    long start = System.nanoTime();
    runtime.events().publish("training.completed", author, TrainingCompleted.newBuilder().setWorkout(w).build()).join();
    awaitMember(lastFollower, w.getWorkoutId() + "|" + author, Duration.ofSeconds(60));
    return System.nanoTime() - start;
  }

  private double sustained(String author, String lastFollower) throws Exception {
    List<CompletableFuture<String>> sent = new ArrayList<>();
    Workout lastWorkout = null;
    long start = System.nanoTime();
    for (int i = 0; i < SUSTAINED_WORKOUTS; i++) {
      lastWorkout = workout(author, Visibility.VISIBILITY_EVERYONE);
      sent.add(runtime.events().publish("training.completed", author,
          TrainingCompleted.newBuilder().setWorkout(lastWorkout).build()));
    }
    CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
    awaitMember(lastFollower, lastWorkout.getWorkoutId() + "|" + author, Duration.ofMinutes(5));
    return (System.nanoTime() - start) / 1e9;
  }

  private void awaitMember(String athlete, String member, Duration within) throws InterruptedException {
    var timeline = redis.<String>getScoredSortedSet("fitmesh:tl:{" + athlete + "}", StringCodec.INSTANCE);
    long start = System.nanoTime();
    long deadline = start + within.toNanos();
    long printed = start;
    while (timeline.getScore(member) == null) {
      if (System.nanoTime() - printed > 5_000_000_000L) {
        printed = System.nanoTime();
        out.printf("    waiting for the fan-out to reach %s (%.0f s)%n", athlete, (printed - start) / 1e9);
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("fan-out did not reach " + athlete + " within " + within);
      }
      Thread.sleep(1);
    }
  }

  /** Raw pipelined ZADD of the same number of members into the same timelines; members per second. */
  private double rawZadd(List<String> fans, int rounds) throws Exception {
    Semaphore inFlight = new Semaphore(8);
    long start = System.nanoTime();
    for (int r = 0; r < rounds; r++) {
      for (int from = 0; from < fans.size(); from += 1000) {
        inFlight.acquire();
        RBatch batch = redis.createBatch(BatchOptions.defaults());
        for (String fan : fans.subList(from, Math.min(fans.size(), from + 1000))) {
          batch.getScoredSortedSet("fitmesh:tl:{" + fan + "}:raw", StringCodec.INSTANCE).addAsync(r, "raw-" + r);
        }
        batch.executeAsync().whenComplete((ok, e) -> inFlight.release());
      }
    }
    inFlight.acquire(8);
    double perS = (double) rounds * fans.size() / ((System.nanoTime() - start) / 1e9);
    for (int from = 0; from < fans.size(); from += 1000) {
      redis.getKeys().delete(fans.subList(from, Math.min(fans.size(), from + 1000)).stream()
          .map(f -> "fitmesh:tl:{" + f + "}:raw").toArray(String[]::new));
    }
    return perS;
  }

  /** Open-loop home feed reads through the BFF; counts[0] reads, counts[1] failures. */
  private Histogram reads(int rate, int seconds, long[] counts) throws Exception {
    String reader = "fb-" + run + "-reader";
    String celebrity = "fb-" + run + "-celebrity";
    Instant now = Instant.now();
    social.profiles().createIfAbsent(reader);
    social.timelines().markBuilt(reader);
    List<TimelineEntry> entries = new ArrayList<>();
    for (int a = 0; a < READ_AUTHORS; a++) {
      String author = "fb-" + run + "-friend-" + a;
      social.graph().putFollow(new Follow(reader, author, FollowState.FOLLOWING, now), null);
      for (int w = 0; w < 4; w++) {
        Activity activity = activity(author, now.minusSeconds(60L * (a * 4 + w)));
        social.activities().upsert(activity);
        entries.add(activity.entry());
      }
    }
    social.timelines().add(reader, entries);
    social.graph().putFollow(new Follow(reader, celebrity, FollowState.FOLLOWING, now), null);
    social.celebrities().add(celebrity);
    for (int w = 0; w < 50; w++) {
      social.activities().upsert(activity(celebrity, now.minusSeconds(90L * w + 30)));
    }
    MobileSocialServiceFutureStub stub = channels.stub(bff(), MobileSocialServiceFutureStub.class,
        runtime.tokens().mint(reader, Duration.ofHours(1)));
    OpenLoop.run(out, "warm-up reads", rate, 2, IN_FLIGHT,
        () -> stub.getFeed(GetFeedRequest.newBuilder().setPageSize(20).build()), page -> true, null);
    Recorder recorder = new Recorder(3);
    OpenLoop.Counts done = OpenLoop.run(out, "reads", rate, seconds, IN_FLIGHT,
        () -> stub.getFeed(GetFeedRequest.newBuilder().setPageSize(20).build()), page -> true, recorder);
    counts[0] = done.calls();
    counts[1] = done.failures();
    return recorder.getIntervalHistogram();
  }

  /** Workouts by athletes the phone's owner follows, at a steady rate; counts[0] sent, counts[1] never pushed. */
  private Histogram pushes(int rate, int seconds, long[] counts) throws Exception {
    String owner = "fb-" + run + "-phone-owner";
    social.profiles().createIfAbsent(owner);
    channels.stub(bff(), MobileNotificationServiceBlockingStub.class, runtime.tokens().mint(owner, Duration.ofHours(1)))
        .registerDevice(RegisterDeviceRequest.newBuilder().setPlatform(DevicePlatform.DEVICE_PLATFORM_APNS)
            .setToken("f".repeat(64)).build());
    int total = rate * seconds;
    List<String> authors = new ArrayList<>();
    Instant now = Instant.now();
    Progress setup = new Progress(out, "followed athletes", total + 20);
    for (int i = 0; i < total + 20; i++) {
      setup.at(i + 1);
      String author = "fb-" + run + "-p" + i;
      authors.add(author);
      social.profiles().createIfAbsent(author);
      social.graph().putFollow(new Follow(owner, author, FollowState.FOLLOWING, now), null);
    }
    for (int i = total; i < total + 20; i++) {
      sendWorkout(authors.get(i));
    }
    Thread.sleep(3000);
    Map<String, Long> sentAt = new HashMap<>();
    long period = 1_000_000_000L / rate;
    long start = System.nanoTime();
    Progress progress = new Progress(out, "workouts", total);
    for (int i = 0; i < total; i++) {
      progress.at(i);
      long due = start + i * period;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      sentAt.put(authors.get(i) + " finished a workout", System.nanoTime());
      sendWorkout(authors.get(i));
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!pushArrivals.keySet().containsAll(sentAt.keySet()) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    Histogram latency = new Histogram(3);
    long missing = 0;
    for (Map.Entry<String, Long> e : sentAt.entrySet()) {
      Long arrived = pushArrivals.get(e.getKey());
      if (arrived == null) {
        missing++;
      } else {
        latency.recordValue(Math.max(0, arrived - e.getValue()));
      }
    }
    counts[0] = total;
    counts[1] = missing;
    return latency;
  }

  private void sendWorkout(String author) {
    runtime.events().publish("training.completed", author, TrainingCompleted.newBuilder()
        .setWorkout(workout(author, Visibility.VISIBILITY_FOLLOWERS)).build());
  }

  private static Workout workout(String author, Visibility visibility) {
    Workout.Builder w = Workout.newBuilder().setWorkoutId(UUID.randomUUID().toString()).setAthleteId(author)
        .setSport(Sport.SPORT_RUN).setStartTime(ProtoTime.toTimestamp(Instant.now().minusSeconds(3600)))
        .setTimeZone("UTC").setVisibility(visibility).setState(WorkoutState.WORKOUT_STATE_FINISHED).setTitle("Run");
    w.getSummaryBuilder().setDistanceM(5000).setMovingS(1500)
        .addRoute(LatLng.newBuilder().setLatitudeDeg(46.05).setLongitudeDeg(14.5))
        .addRoute(LatLng.newBuilder().setLatitudeDeg(46.06).setLongitudeDeg(14.5));
    return w.build();
  }

  private static Activity activity(String author, Instant start) {
    return new Activity(UUID.randomUUID().toString(), author, "RUN", "Run", start, "UTC", 5000, 1500, 3.3, 300, 20,
        io.fitmesh.social.domain.Visibility.EVERYONE, List.of(new io.fitmesh.platform.geo.LatLon(46.05, 14.5),
        new io.fitmesh.platform.geo.LatLon(46.06, 14.5)));
  }

  private String bff() {
    return node.endpoint("bff");
  }


  @Override
  public void close() throws Exception {
    node.close();
    apns.shutdown().get();
  }
}
