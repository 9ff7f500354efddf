package io.fitmesh.telemetry.domain;

import static java.util.Objects.requireNonNull;

import io.fitmesh.platform.errors.DomainException;
import io.fitmesh.platform.limits.WorkoutLimits;
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
  /**
   * How long this instance trusts its own copy of a cursor instead of reading it back: one device streaming to
   * one instance never re-reads. A copy gone stale because another instance took the workout over only makes
   * the cursor lag (devices resend; writes are idempotent), never claims an unstored sample.
   */
  private static final Duration CURSOR_TTL = Duration.ofSeconds(1);
  /** How often a stream's cursor is saved while the stream goes on. */
  static final Duration STREAM_CURSOR_SAVE = Duration.ofMillis(500);

  private final SampleStore samples;
  private final CursorStore cursors;
  private final WorkoutAccess access;
  private final LiveTracker live;
  private final Clock clock;
  private final ExecutorService pool;
  private final IngestStages stages;
  private final Map<String, CompletableFuture<?>> tails = new ConcurrentHashMap<>();
  private final Map<String, CachedGrant> grants = new ConcurrentHashMap<>();
  private final Map<String, CachedCursor> cursorCache = new ConcurrentHashMap<>();

  public IngestService(SampleStore samples, CursorStore cursors, WorkoutAccess access, LiveTracker live,
      Clock clock, ExecutorService pool) {
    this(samples, cursors, access, live, clock, pool, IngestStages.NONE);
  }

  /** Like the constructor above, recording each batch's stage timings in {@code stages}. */
  public IngestService(SampleStore samples, CursorStore cursors, WorkoutAccess access, LiveTracker live,
      Clock clock, ExecutorService pool, IngestStages stages) {
    this.samples = requireNonNull(samples, "samples");
    this.cursors = requireNonNull(cursors, "cursors");
    this.access = requireNonNull(access, "access");
    this.live = requireNonNull(live, "live");
    this.clock = requireNonNull(clock, "clock");
    this.pool = requireNonNull(pool, "pool");
    this.stages = requireNonNull(stages, "stages");
  }

  /**
   * Ingests one batch for the calling athlete. Call within the caller's gRPC context (the ownership check
   * forwards its token); the returned future completes on the ingest pool.
   */
  public CompletableFuture<IngestReport> ingest(String athleteId, String workoutId, List<SampleReading> batch) {
    return ingest(athleteId, workoutId, batch, CursorWrites.EVERY_BATCH);
  }

  /**
   * How often the cursor is saved. A unary upload reports the cursor to its caller, so it is saved before the
   * reply ({@code EVERY_BATCH}). A stream reports only when it ends, so its cursor is saved at most every
   * {@link #STREAM_CURSOR_SAVE} and when the stream ends ({@link #flushCursor}); after a crash in between, the
   * saved cursor lags and devices resend what it does not cover (stored again idempotently, counted as new).
   */
  public enum CursorWrites { EVERY_BATCH, STREAM }

  /** Like {@link #ingest(String, String, List)}, saving the cursor as {@code writes} says. */
  public CompletableFuture<IngestReport> ingest(String athleteId, String workoutId, List<SampleReading> batch,
      CursorWrites writes) {
    return ingest(athleteId, workoutId, batch, writes, System.nanoTime());
  }

  /**
   * Like {@link #ingest(String, String, List, CursorWrites)} for a batch that arrived at {@code receivedNanos}
   * ({@link System#nanoTime()}): its receive stage counts from then.
   */
  public CompletableFuture<IngestReport> ingest(String athleteId, String workoutId, List<SampleReading> batch,
      CursorWrites writes, long receivedNanos) {
    checkWorkoutId(workoutId);
    if (batch.size() > MAX_BATCH) {
      throw DomainException.invalidArgument("samples", "at most " + MAX_BATCH + " samples per batch, got "
          + batch.size());
    }
    WorkoutAccess.Grant grant = grant(athleteId, workoutId);
    if (!grant.recording()) {
      throw DomainException.failedPrecondition("workout " + workoutId + " is finished; it takes no more samples");
    }
    long checked = System.nanoTime();
    stages.record(IngestStages.Stage.RECEIVE, checked - receivedNanos);
    return serially(workoutId, () -> store(athleteId, workoutId, grant, batch, writes, checked));
  }

  /** Runs work for a workout after the work queued before it for the same workout, on the ingest pool. */
  private <T> CompletableFuture<T> serially(String workoutId, java.util.function.Supplier<T> work) {
    CompletableFuture<T> result = new CompletableFuture<>();
    CompletableFuture<?> tail = tails.compute(workoutId, (id, previous) ->
        (previous == null ? CompletableFuture.completedFuture(null) : previous)
            .handle((ignored, failure) -> null)
            .thenRunAsync(() -> complete(result, work), pool));
    tail.whenComplete((ignored, failure) -> tails.remove(workoutId, tail));
    return result;
  }

  /** The cursor of one of the caller's workouts. */
  public IngestCursor cursor(String athleteId, String workoutId) {
    checkWorkoutId(workoutId);
    grant(athleteId, workoutId);
    return cachedCursor(workoutId, clock.instant());
  }

  /** Up to {@code limit} stored samples of one of the caller's workouts, from {@code fromSeq} on. */
  public List<SampleReading> read(String athleteId, String workoutId, long fromSeq, int limit) {
    checkWorkoutId(workoutId);
    grant(athleteId, workoutId);
    long highest = cachedCursor(workoutId, clock.instant()).highestSeq();
    return highest < fromSeq ? List.of() : samples.read(workoutId, fromSeq, highest, limit);
  }

  /** Removes a deleted workout's samples and cursor for good (from training.deleted; idempotent). */
  public void purge(String workoutId) {
    long highest = cursors.load(workoutId).map(IngestCursor::highestSeq).orElse(-1L);
    CachedCursor cached = cursorCache.remove(workoutId);
    if (cached != null) {
      highest = Math.max(highest, cached.cursor().highestSeq());
    }
    samples.purge(workoutId, highest);
    cursors.delete(workoutId);
    forgetAccess(workoutId);
    live.forget(workoutId);
  }

  /**
   * Forgets what this instance knows of a workout's access (it was finished or deleted): the next batch asks the
   * owner again, so samples stop as soon as the news arrives, not when a cached grant would have expired.
   */
  public void forgetAccess(String workoutId) {
    grants.keySet().removeIf(key -> key.endsWith("/" + workoutId));
  }

  /** Saves a stream's cursor if this instance holds unsaved progress (the stream ended or broke). */
  public CompletableFuture<Void> flushCursor(String workoutId) {
    return serially(workoutId, () -> {
      CachedCursor cached = cursorCache.get(workoutId);
      if (cached != null && cached.dirty()) {
        cursors.save(cached.cursor());
        cursorCache.put(workoutId, new CachedCursor(cached.cursor(), cached.until(), false, clock.instant()));
      }
      return null;
    });
  }

  private IngestReport store(String athleteId, String workoutId, WorkoutAccess.Grant grant,
      List<SampleReading> batch, CursorWrites writes, long queuedNanos) {
    long started = System.nanoTime();
    stages.record(IngestStages.Stage.QUEUE, started - queuedNanos);
    Instant now = clock.instant();
    IngestCursor cursor = cachedCursor(workoutId, now);
    long loaded = System.nanoTime();
    long cursorNanos = loaded - started;
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
      if (sample.seq() >= WorkoutLimits.MAX_SAMPLES) {
        rejected.add(new IngestReport.Rejection(sample.seq(), "a workout holds at most "
            + WorkoutLimits.MAX_SAMPLES + " samples (seq 0.." + (WorkoutLimits.MAX_SAMPLES - 1) + ")"));
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
    long checked = System.nanoTime();
    stages.record(IngestStages.Stage.NORMALISE, checked - loaded);
    if (!accepted.isEmpty()) {
      samples.append(workoutId, accepted).join();
      stages.record(IngestStages.Stage.SAMPLE_WRITE, System.nanoTime() - checked);
    }
    IngestCursor after = cursor.settle(settled);
    CachedCursor previous = cursorCache.get(workoutId);
    Instant savedAt = previous == null ? Instant.EPOCH : previous.savedAt();
    boolean dirty = previous != null && previous.dirty();
    if (!settled.isEmpty()) {
      if (writes == CursorWrites.EVERY_BATCH || !savedAt.plus(STREAM_CURSOR_SAVE).isAfter(now)) {
        long saving = System.nanoTime();
        cursors.save(after);
        cursorNanos += System.nanoTime() - saving;
        savedAt = now;
        dirty = false;
      } else {
        dirty = true;
      }
    }
    if (cursorCache.size() > 100_000) {
      cursorCache.values().removeIf(c -> !c.dirty());
    }
    cursorCache.put(workoutId, new CachedCursor(after, now.plus(CURSOR_TTL), dirty, savedAt));
    stages.record(IngestStages.Stage.CURSOR, cursorNanos);
    live.onStored(athleteId, after, accepted);
    return new IngestReport(after, accepted.size(), duplicates, rejected);
  }

  private IngestCursor cachedCursor(String workoutId, Instant now) {
    CachedCursor cached = cursorCache.get(workoutId);
    if (cached != null && (cached.dirty() || cached.until().isAfter(now))) {
      return cached.cursor();
    }
    return cursors.load(workoutId).orElse(IngestCursor.empty(workoutId));
  }

  /** The caller's grant for a workout; concurrent first calls for one key share a single lookup. */
  private WorkoutAccess.Grant grant(String athleteId, String workoutId) {
    String key = athleteId + "/" + workoutId;
    Instant now = clock.instant();
    CachedGrant cached = grants.get(key);
    if (cached == null || !cached.until().isAfter(now)) {
      if (grants.size() > 100_000) {
        grants.clear();
      }
      CachedGrant fresh = new CachedGrant(new CompletableFuture<>(), now.plus(GRANT_TTL));
      cached = grants.merge(key, fresh, (old, mine) -> old.until().isAfter(now) ? old : mine);
      if (cached == fresh) {
        try {
          fresh.grant().complete(access.check(workoutId));
        } catch (RuntimeException e) {
          grants.remove(key, fresh);
          fresh.grant().completeExceptionally(e);
        }
      }
    }
    try {
      return cached.grant().join();
    } catch (java.util.concurrent.CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
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

  private record CachedGrant(CompletableFuture<WorkoutAccess.Grant> grant, Instant until) {}

  /** This instance's copy of a cursor; {@code dirty} when it is ahead of the saved one. */
  private record CachedCursor(IngestCursor cursor, Instant until, boolean dirty, Instant savedAt) {}
}
