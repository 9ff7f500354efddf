package io.fitmesh.telemetry.domain;

import static java.util.Objects.requireNonNull;

import io.fitmesh.platform.errors.DomainException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.regex.Pattern;

/**
 * Takes batches of samples for a workout: checks the caller owns it and it is recording, refuses impossible
 * samples with a reason, ignores samples already settled, stores the rest, then advances the cursor. The
 * cursor is saved only after the samples are durable, so whatever it reports settled survives a crash.
 * Batches of one workout are handled one after another; the pool bounds how many workouts are written at once,
 * which is what slows a stream down when storage is slower than devices.
 */
public final class IngestService {
  public static final int MAX_BATCH = 1000;
  private static final Pattern WORKOUT_ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");
  private static final Duration GRANT_TTL = Duration.ofSeconds(10);

  private final SampleStore samples;
  private final CursorStore cursors;
  private final WorkoutAccess access;
  private final LiveTracker live;
  private final Clock clock;
  private final ExecutorService pool;
  private final Map<String, CompletableFuture<?>> tails = new ConcurrentHashMap<>();
  private final Map<String, CachedGrant> grants = new ConcurrentHashMap<>();

  public IngestService(SampleStore samples, CursorStore cursors, WorkoutAccess access, LiveTracker live,
      Clock clock, ExecutorService pool) {
    this.samples = requireNonNull(samples, "samples");
    this.cursors = requireNonNull(cursors, "cursors");
    this.access = requireNonNull(access, "access");
    this.live = requireNonNull(live, "live");
    this.clock = requireNonNull(clock, "clock");
    this.pool = requireNonNull(pool, "pool");
  }

  /**
   * Ingests one batch for the calling athlete. Call within the caller's gRPC context (the ownership check
   * forwards its token); the returned future completes on the ingest pool.
   */
  public CompletableFuture<IngestReport> ingest(String athleteId, String workoutId, List<SampleReading> batch) {
    checkWorkoutId(workoutId);
    if (batch.size() > MAX_BATCH) {
      throw DomainException.invalidArgument("samples", "at most " + MAX_BATCH + " samples per batch, got "
          + batch.size());
    }
    WorkoutAccess.Grant grant = grant(athleteId, workoutId);
    if (!grant.recording()) {
      throw DomainException.failedPrecondition("workout " + workoutId + " is finished; it takes no more samples");
    }
    CompletableFuture<IngestReport> result = new CompletableFuture<>();
    CompletableFuture<?> tail = tails.compute(workoutId, (id, previous) ->
        (previous == null ? CompletableFuture.completedFuture(null) : previous)
            .handle((ignored, failure) -> null)
            .thenRunAsync(() -> complete(result, () -> store(athleteId, workoutId, grant, batch)), pool));
    tail.whenComplete((ignored, failure) -> tails.remove(workoutId, tail));
    return result;
  }

  /** The cursor of one of the caller's workouts. */
  public IngestCursor cursor(String athleteId, String workoutId) {
    checkWorkoutId(workoutId);
    grant(athleteId, workoutId);
    return cursors.load(workoutId).orElse(IngestCursor.empty(workoutId));
  }

  /** Up to {@code limit} stored samples of one of the caller's workouts, from {@code fromSeq} on. */
  public List<SampleReading> read(String athleteId, String workoutId, long fromSeq, int limit) {
    checkWorkoutId(workoutId);
    grant(athleteId, workoutId);
    long highest = cursors.load(workoutId).map(IngestCursor::highestSeq).orElse(-1L);
    return highest < fromSeq ? List.of() : samples.read(workoutId, fromSeq, highest, limit);
  }

  /** Removes a deleted workout's samples and cursor (from training.deleted; idempotent). */
  public void purge(String workoutId) {
    Optional<IngestCursor> cursor = cursors.load(workoutId);
    cursor.ifPresent(c -> samples.purge(workoutId, c.highestSeq()));
    cursors.delete(workoutId);
    live.forget(workoutId);
  }

  private IngestReport store(String athleteId, String workoutId, WorkoutAccess.Grant grant,
      List<SampleReading> batch) {
    IngestCursor cursor = cursors.load(workoutId).orElse(IngestCursor.empty(workoutId));
    Instant now = clock.instant();
    List<SampleReading> accepted = new ArrayList<>();
    List<IngestReport.Rejection> rejected = new ArrayList<>();
    List<Long> settled = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    long duplicates = 0;
    for (SampleReading sample : batch) {
      if (sample.seq() < 0) {
        rejected.add(new IngestReport.Rejection(sample.seq(), "seq must be 0 or more"));
        continue;
      }
      if (cursor.isBeyondWindow(sample.seq())) {
        throw DomainException.failedPrecondition("seq " + sample.seq() + " is more than " + IngestCursor.WINDOW
            + " ahead of the cursor (" + cursor.durableThroughSeq() + "); send the earlier samples first");
      }
      if (cursor.isSettled(sample.seq()) || !seen.add(sample.seq())) {
        duplicates++;
        continue;
      }
      Optional<String> reason = SampleRules.rejectionOf(sample, grant.startTime(), now);
      if (reason.isPresent()) {
        rejected.add(new IngestReport.Rejection(sample.seq(), reason.get()));
      } else {
        accepted.add(sample);
      }
      settled.add(sample.seq());
    }
    if (!accepted.isEmpty()) {
      samples.append(workoutId, accepted).join();
    }
    IngestCursor after = cursor.settle(settled);
    if (!settled.isEmpty()) {
      cursors.save(after);
    }
    live.onStored(athleteId, after, accepted);
    return new IngestReport(after, accepted.size(), duplicates, rejected);
  }

  private WorkoutAccess.Grant grant(String athleteId, String workoutId) {
    String key = athleteId + "/" + workoutId;
    Instant now = clock.instant();
    CachedGrant cached = grants.get(key);
    if (cached != null && cached.until().isAfter(now)) {
      return cached.grant();
    }
    WorkoutAccess.Grant grant = access.check(workoutId);
    if (grants.size() > 100_000) {
      grants.clear();
    }
    grants.put(key, new CachedGrant(grant, now.plus(GRANT_TTL)));
    return grant;
  }

  private static void checkWorkoutId(String workoutId) {
    if (workoutId == null || !WORKOUT_ID.matcher(workoutId).matches()) {
      throw DomainException.invalidArgument("workout_id", "workout_id must be 8..64 characters of [A-Za-z0-9_-]");
    }
  }

  private static <T> void complete(CompletableFuture<T> result, java.util.function.Supplier<T> work) {
    try {
      result.complete(work.get());
    } catch (RuntimeException e) {
      result.completeExceptionally(e.getCause() instanceof DomainException d ? d : e);
    }
  }

  private record CachedGrant(WorkoutAccess.Grant grant, Instant until) {}
}
