package io.fitmesh.app;

import io.fitmesh.testkit.MobileClient;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A steady mixed load through the BFF, as phones make it: each recorder starts, uploads and finishes one workout
 * after another, a new athlete joins the challenge every third round, and a follower reads the feed. A call that is
 * not answered 200 is tried again with the same ids (every write is idempotent) until it is, as the app does; every
 * answer and every call left unanswered is counted by status.
 */
final class SteadyLoad implements AutoCloseable {
  /** How long one call is retried before the load gives up on it (longer than any fault the tests inflict). */
  private static final Duration PATIENCE = Duration.ofMinutes(4);
  private static final int SAMPLES_PER_WORKOUT = 120;
  private static final double SPEED_MPS = 3.0;

  /** A workout whose finish was answered 200. */
  record Finished(String athleteId, String workoutId, int sampleCount, double distanceM, Instant at) {}

  /** Rounds of all recorders together, each a 2-minute run 3 minutes after the one before. */
  static final int MAX_ROUNDS = 380;

  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicInteger rounds = new AtomicInteger();
  private final List<Thread> threads = new ArrayList<>();
  private final Map<Integer, LongAdder> answers = new ConcurrentHashMap<>();
  private final List<Finished> finished = new CopyOnWriteArrayList<>();
  private final List<String> joiners = new CopyOnWriteArrayList<>();
  private final List<String> failures = new CopyOnWriteArrayList<>();
  private final Function<String, MobileClient> appOf;
  private final String challengeId;

  private SteadyLoad(Function<String, MobileClient> appOf, String challengeId) {
    this.appOf = appOf;
    this.challengeId = challengeId;
  }

  /**
   * Starts one thread per recorder (each already joined to the challenge and followed by the reader), and one
   * reading the reader's feed; workouts start at {@code firstStart} and 3 minutes apart, {@link #MAX_ROUNDS} at
   * most, so keep it that far (19 hours) in the past.
   */
  static SteadyLoad start(Function<String, MobileClient> appOf, List<String> recorders, String reader,
      String challengeId, Instant firstStart) {
    SteadyLoad load = new SteadyLoad(appOf, challengeId);
    for (String recorder : recorders) {
      load.spawn("load-" + recorder, () -> load.record(recorder, firstStart));
    }
    load.spawn("load-feed", () -> load.readFeed(reader));
    return load;
  }

  /** Status (or -1: no answer) to how many calls got it. */
  Map<Integer, Long> answers() {
    Map<Integer, Long> copy = new TreeMap<>();
    answers.forEach((status, count) -> copy.put(status, count.sum()));
    return copy;
  }

  long calls() {
    return answers().values().stream().mapToLong(Long::longValue).sum();
  }

  List<Finished> finished() {
    return List.copyOf(finished);
  }

  List<String> joiners() {
    return List.copyOf(joiners);
  }

  /** Calls given up on, or answered with a status no retry fixes; empty when all went well. */
  List<String> failures() {
    return List.copyOf(failures);
  }

  /** Stops after each thread's current round. */
  @Override
  public void close() throws InterruptedException {
    running.set(false);
    for (Thread thread : threads) {
      thread.join(PATIENCE.plusMinutes(1).toMillis());
    }
  }

  private void spawn(String name, Runnable loop) {
    Thread thread = new Thread(() -> {
      while (running.get()) {
        loop.run();
      }
    }, name);
    thread.setDaemon(true);
    threads.add(thread);
    thread.start();
  }

  private void record(String athleteId, Instant firstStart) {
    int round = rounds.incrementAndGet();
    if (round > MAX_ROUNDS) {
      pause(Duration.ofSeconds(1));
      return;
    }
    MobileClient app = appOf.apply(athleteId);
    if (round % 3 == 0) {
      String joiner = "joiner-" + UUID.randomUUID().toString().substring(0, 8);
      if (untilOk(() -> appOf.apply(joiner).post("/v1/challenges/" + challengeId + ":join", Map.of())) != null) {
        joiners.add(joiner);
      }
    }
    String workoutId = UUID.randomUUID().toString();
    Instant start = firstStart.plus(Duration.ofMinutes(3L * round)).truncatedTo(ChronoUnit.SECONDS);
    List<Map<String, Object>> samples = ChallengeScenario.straightRun(start, SAMPLES_PER_WORKOUT, SPEED_MPS);
    Map<String, Object> startBody = Map.of("workoutId", workoutId, "sport", "SPORT_RUN",
        "startTime", samples.get(0).get("time"), "timeZone", "UTC", "visibility", "VISIBILITY_EVERYONE");
    if (untilOk(() -> app.post("/v1/workouts", startBody)) == null
        || untilOk(() -> app.post("/v1/workouts/" + workoutId + "/samples", Map.of("samples", samples))) == null) {
      return;
    }
    MobileClient.Reply done = untilOk(() -> app.post("/v1/workouts/" + workoutId + ":finish", Map.of()));
    if (done != null) {
      finished.add(new Finished(athleteId, workoutId, done.body().at("/workout/summary/sampleCount").asInt(),
          done.body().at("/workout/summary/distanceM").asDouble(), Instant.now()));
    }
  }

  private void readFeed(String reader) {
    answer(() -> appOf.apply(reader).get("/v1/feed"));
    pause(Duration.ofMillis(200));
  }

  /** The reply once 200, or null (and a failure noted) when the answer cannot become 200 or patience ran out. */
  private MobileClient.Reply untilOk(Supplier<MobileClient.Reply> call) {
    Instant giveUp = Instant.now().plus(PATIENCE);
    while (Instant.now().isBefore(giveUp)) {
      MobileClient.Reply reply = answer(call);
      if (reply != null && reply.status() == 200) {
        return reply;
      }
      if (reply != null && !retryable(reply.status())) {
        failures.add(reply.status() + " " + reply.body());
        return null;
      }
      pause(Duration.ofMillis(250));
    }
    failures.add("no 200 within " + PATIENCE);
    return null;
  }

  /** UNAVAILABLE and DEADLINE_EXCEEDED, as HTTP statuses. */
  private static boolean retryable(int status) {
    return status == 503 || status == 504;
  }

  private MobileClient.Reply answer(Supplier<MobileClient.Reply> call) {
    try {
      MobileClient.Reply reply = call.get();
      answers.computeIfAbsent(reply.status(), s -> new LongAdder()).increment();
      return reply;
    } catch (RuntimeException noAnswer) {
      answers.computeIfAbsent(-1, s -> new LongAdder()).increment();
      return null;
    }
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
