package io.fitmesh.app.simulate;

import static java.util.Objects.requireNonNull;

import io.fitmesh.platform.client.MobileClient;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * A steady mixed load through the BFF's JSON API, as phones make it: each athlete records workouts one after
 * another (start, upload 120 samples, finish: a public 2-minute run, 3 minutes after their previous one, in a
 * challenge they joined), a new athlete joins the challenge every third workout, and a follower of them all reads
 * the feed every 200 ms. A call answered 503 or 504, or not at all, is tried again with the same ids (every write
 * is idempotent) every 250 ms for up to 4 minutes, as the app does; any other refusal is a failure. Every answer,
 * and every call left unanswered, is counted by status, and each kind of call's latency is recorded.
 */
public final class Simulation implements AutoCloseable {
  /** Samples per workout: 2 minutes at 1 Hz. */
  public static final int SAMPLES_PER_WORKOUT = 120;
  /** Workouts per athlete at most (3 minutes apart, the first 19 hours ago: all before now, within a week). */
  public static final int MAX_WORKOUTS_PER_ATHLETE = 380;
  /** How long one call is retried before the simulation gives up on it (longer than a backend restart). */
  private static final Duration PATIENCE = Duration.ofMinutes(4);
  private static final double SPEED_MPS = 3.0;
  private static final List<String> KINDS = List.of("start", "upload", "finish", "join", "feed");

  /** A workout whose finish was answered 200. */
  public record Finished(String athleteId, String workoutId, int sampleCount, double distanceM, Instant at) {}

  private final Function<String, MobileClient> appOf;
  private final List<String> athletes;
  private final String follower;
  private final String challengeId;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final List<Thread> threads = new ArrayList<>();
  private final Map<Integer, LongAdder> answers = new ConcurrentHashMap<>();
  private final Map<String, Recorder> latencies = new HashMap<>();
  private final Map<String, Histogram> latenciesSoFar = new HashMap<>();
  private final List<Finished> finished = new CopyOnWriteArrayList<>();
  private final List<String> joiners = new CopyOnWriteArrayList<>();
  private final List<String> failures = new CopyOnWriteArrayList<>();

  private Simulation(Function<String, MobileClient> appOf, List<String> athletes, String follower,
      String challengeId) {
    this.appOf = appOf;
    this.athletes = athletes;
    this.follower = follower;
    this.challengeId = challengeId;
    for (String kind : KINDS) {
      latencies.put(kind, new Recorder(3));
      latenciesSoFar.put(kind, new Histogram(3));
    }
  }

  /**
   * Makes {@code count} athletes named {@code <prefix>-<n>} and their follower {@code <prefix>-fan}, a week-long
   * distance challenge the athletes join, and starts them all.
   *
   * @param appOf the app of an athlete, by id (the BFF's address and a token for that athlete)
   * @throws IllegalStateException naming the call and its answer when the setup is refused
   */
  public static Simulation start(Function<String, MobileClient> appOf, String prefix, int count) {
    requireNonNull(appOf, "appOf");
    requireNonNull(prefix, "prefix");
    if (count < 1) {
      throw new IllegalArgumentException("at least one athlete, not " + count);
    }
    List<String> athletes = new ArrayList<>();
    for (int n = 1; n <= count; n++) {
      athletes.add(prefix + "-" + n);
    }
    String follower = prefix + "-fan";
    String challengeId = setUp(appOf.apply(athletes.get(0)).post("/v1/challenges", challenge()), "create a challenge")
        .body().at("/challenge/challengeId").asText();
    for (String athlete : athletes) {
      setUp(appOf.apply(athlete).get("/v1/feed"), "open " + athlete + "'s feed");
      setUp(appOf.apply(athlete).post("/v1/challenges/" + challengeId + ":join", Map.of()), athlete + " joins");
      setUp(appOf.apply(follower).post("/v1/athletes/" + athlete + ":follow", Map.of()), "follow " + athlete);
    }
    Simulation simulation = new Simulation(appOf, List.copyOf(athletes), follower, challengeId);
    Instant firstStart = Instant.now().minus(Duration.ofHours(19));
    for (String athlete : athletes) {
      simulation.spawn("simulate-" + athlete, new int[1], round -> simulation.record(athlete, firstStart, round));
    }
    simulation.spawn("simulate-feed", new int[1], round -> simulation.readFeed());
    return simulation;
  }

  public List<String> athletes() {
    return athletes;
  }

  /** The athlete who follows all the others and reads the feed. */
  public String follower() {
    return follower;
  }

  public String challengeId() {
    return challengeId;
  }

  /** Status (or -1: no answer) to how many calls got it. */
  public Map<Integer, Long> answers() {
    Map<Integer, Long> copy = new TreeMap<>();
    answers.forEach((status, count) -> copy.put(status, count.sum()));
    return copy;
  }

  public long calls() {
    return answers().values().stream().mapToLong(Long::longValue).sum();
  }

  public List<Finished> finished() {
    return List.copyOf(finished);
  }

  public List<String> joiners() {
    return List.copyOf(joiners);
  }

  /** Calls given up on, or answered with a status no retry fixes; empty when all went well. */
  public List<String> failures() {
    return List.copyOf(failures);
  }

  /**
   * Latency percentiles of each kind of call answered since the last report, in ms, e.g.
   * {@code finish p50 31 p99 120 max 130}; and they are added to {@link #latencySummary}.
   */
  public synchronized String latencyReport() {
    StringBuilder line = new StringBuilder();
    for (String kind : KINDS) {
      Histogram interval = latencies.get(kind).getIntervalHistogram();
      latenciesSoFar.get(kind).add(interval);
      if (interval.getTotalCount() > 0) {
        line.append(line.isEmpty() ? "" : " | ").append(percentiles(kind, interval));
      }
    }
    return line.toString();
  }

  /** Latency percentiles of each kind of call over the whole run so far, in ms. */
  public synchronized String latencySummary() {
    latencyReport();
    StringBuilder line = new StringBuilder();
    for (String kind : KINDS) {
      Histogram all = latenciesSoFar.get(kind);
      if (all.getTotalCount() > 0) {
        line.append(line.isEmpty() ? "" : " | ").append(percentiles(kind, all));
      }
    }
    return line.toString();
  }

  /** Stops after each athlete's current workout. */
  @Override
  public void close() throws InterruptedException {
    running.set(false);
    for (Thread thread : threads) {
      thread.join(PATIENCE.plusMinutes(1).toMillis());
    }
  }

  /** A straight run north at a steady speed from {@code start}, one sample a second, as the app uploads it. */
  public static List<Map<String, Object>> straightRun(Instant start, int seconds, double metresPerSecond) {
    List<Map<String, Object>> samples = new ArrayList<>();
    for (int seq = 0; seq < seconds; seq++) {
      Map<String, Object> s = new HashMap<>();
      s.put("seq", seq);
      s.put("time", start.plusSeconds(seq).toString());
      s.put("latitudeDeg", 46.0 + seq * metresPerSecond / 111_195.0);
      s.put("longitudeDeg", 14.5);
      s.put("heartRateBpm", 140 + (seq % 20));
      samples.add(s);
    }
    return samples;
  }

  private interface Round {
    void run(int round);
  }

  private void spawn(String name, int[] rounds, Round round) {
    Thread thread = new Thread(() -> {
      while (running.get()) {
        round.run(++rounds[0]);
      }
    }, name);
    thread.setDaemon(true);
    threads.add(thread);
    thread.start();
  }

  private void record(String athleteId, Instant firstStart, int round) {
    if (round > MAX_WORKOUTS_PER_ATHLETE) {
      pause(Duration.ofSeconds(1));
      return;
    }
    MobileClient app = appOf.apply(athleteId);
    if (round % 3 == 0) {
      String joiner = "joiner-" + UUID.randomUUID().toString().substring(0, 8);
      if (untilOk("join", () -> appOf.apply(joiner).post("/v1/challenges/" + challengeId + ":join", Map.of()))
          != null) {
        joiners.add(joiner);
      }
    }
    String workoutId = UUID.randomUUID().toString();
    Instant start = firstStart.plus(Duration.ofMinutes(3L * round)).truncatedTo(ChronoUnit.SECONDS);
    List<Map<String, Object>> samples = straightRun(start, SAMPLES_PER_WORKOUT, SPEED_MPS);
    Map<String, Object> startBody = Map.of("workoutId", workoutId, "sport", "SPORT_RUN",
        "startTime", samples.get(0).get("time"), "timeZone", "UTC", "visibility", "VISIBILITY_EVERYONE");
    if (untilOk("start", () -> app.post("/v1/workouts", startBody)) == null || untilOk("upload",
        () -> app.post("/v1/workouts/" + workoutId + "/samples", Map.of("samples", samples))) == null) {
      return;
    }
    MobileClient.Reply done = untilOk("finish", () -> app.post("/v1/workouts/" + workoutId + ":finish", Map.of()));
    if (done != null) {
      finished.add(new Finished(athleteId, workoutId, done.body().at("/workout/summary/sampleCount").asInt(),
          done.body().at("/workout/summary/distanceM").asDouble(), Instant.now()));
    }
  }

  private void readFeed() {
    answer("feed", () -> appOf.apply(follower).get("/v1/feed"));
    pause(Duration.ofMillis(200));
  }

  /** The reply once 200, or null (and a failure noted) when the answer cannot become 200 or patience ran out. */
  private MobileClient.Reply untilOk(String kind, Supplier<MobileClient.Reply> call) {
    Instant giveUp = Instant.now().plus(PATIENCE);
    while (true) {
      MobileClient.Reply reply = answer(kind, call);
      if (reply != null && reply.status() == 200) {
        return reply;
      }
      if (reply != null && !MobileClient.isRetryable(reply.status())) {
        failures.add(kind + ": " + reply.status() + " " + reply.body());
        return null;
      }
      if (Instant.now().isAfter(giveUp)) {
        break;
      }
      pause(Duration.ofMillis(250));
    }
    failures.add(kind + ": no 200 within " + PATIENCE);
    return null;
  }

  private MobileClient.Reply answer(String kind, Supplier<MobileClient.Reply> call) {
    long start = System.nanoTime();
    try {
      MobileClient.Reply reply = call.get();
      answers.computeIfAbsent(reply.status(), s -> new LongAdder()).increment();
      if (reply.status() == 200) {
        latencies.get(kind).recordValue(Math.max(1, (System.nanoTime() - start) / 1000));
      }
      return reply;
    } catch (RuntimeException noAnswer) {
      answers.computeIfAbsent(-1, s -> new LongAdder()).increment();
      return null;
    }
  }

  private static String percentiles(String kind, Histogram micros) {
    return String.format("%s p50 %.0f p99 %.0f max %.0f", kind, micros.getValueAtPercentile(50) / 1000.0,
        micros.getValueAtPercentile(99) / 1000.0, micros.getMaxValue() / 1000.0);
  }

  private static MobileClient.Reply setUp(MobileClient.Reply reply, String what) {
    if (reply.status() != 200) {
      throw new IllegalStateException("could not " + what + ": " + reply.status() + " " + reply.body());
    }
    return reply;
  }

  private static Map<String, Object> challenge() {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    return Map.of("requestId", UUID.randomUUID().toString(), "challenge", Map.of("title", "Simulated week",
        "goalKind", "GOAL_KIND_TOTAL_DISTANCE", "goalTarget", 1_000_000, "sports", List.of("SPORT_RUN"),
        "timeZone", "UTC", "startDate", date(today.minusDays(1)), "endDate", date(today.plusDays(6))));
  }

  private static Map<String, Integer> date(LocalDate day) {
    return Map.of("year", day.getYear(), "month", day.getMonthValue(), "day", day.getDayOfMonth());
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
