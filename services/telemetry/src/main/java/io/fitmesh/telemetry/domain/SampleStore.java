package io.fitmesh.telemetry.domain;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Durable raw samples, by workout and seq. Writing a seq again overwrites it with the same reading. */
public interface SampleStore {

  /** Stores the samples; completes when all are durable, fails (UNAVAILABLE) if any is not. */
  CompletableFuture<Void> append(String workoutId, List<SampleReading> samples);

  /** Up to {@code limit} samples with seq &gt;= {@code fromSeq} and &lt;= {@code toSeq}, in seq order. */
  List<SampleReading> read(String workoutId, long fromSeq, long toSeq, int limit);

  /**
   * Removes a deleted workout's samples for good: every seq up to {@code highestSeq} plus twice the cursor's
   * window (what a device may have sent past a cursor saved late), and anything appended to the workout later.
   */
  void purge(String workoutId, long highestSeq);
}
