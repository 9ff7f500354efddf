package io.fitmesh.telemetry.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * How far a workout's samples are settled: every seq up to {@code durableThroughSeq} is stored or refused for
 * good; {@code settledAbove} are the settled seqs beyond it (samples that arrived out of order or after a gap).
 * Immutable.
 */
public record IngestCursor(String workoutId, long durableThroughSeq, NavigableSet<Long> settledAbove) {
  /** How far beyond the durable prefix a seq may be; a device further ahead must resend from the cursor. */
  public static final int WINDOW = 10_000;

  public IngestCursor {
    settledAbove = new TreeSet<>(settledAbove);
  }

  public static IngestCursor empty(String workoutId) {
    return new IngestCursor(workoutId, -1, new TreeSet<>());
  }

  public boolean isSettled(long seq) {
    return seq <= durableThroughSeq || settledAbove.contains(seq);
  }

  public boolean isBeyondWindow(long seq) {
    return seq > durableThroughSeq + WINDOW;
  }

  public long highestSeq() {
    return settledAbove.isEmpty() ? durableThroughSeq : settledAbove.last();
  }

  /** The cursor once these seqs are settled too. */
  public IngestCursor settle(Collection<Long> seqs) {
    TreeSet<Long> above = new TreeSet<>(settledAbove);
    for (long seq : seqs) {
      if (seq > durableThroughSeq) {
        above.add(seq);
      }
    }
    long durable = durableThroughSeq;
    while (!above.isEmpty() && above.first() == durable + 1) {
      durable = above.pollFirst();
    }
    return new IngestCursor(workoutId, durable, above);
  }

  /** Missing ranges between the durable prefix and the highest settled seq, at most {@code limit}. */
  public List<long[]> gaps(int limit) {
    List<long[]> gaps = new ArrayList<>();
    long previous = durableThroughSeq;
    for (long seq : settledAbove) {
      if (gaps.size() == limit) {
        break;
      }
      if (seq > previous + 1) {
        gaps.add(new long[] {previous + 1, seq - 1});
      }
      previous = seq;
    }
    return gaps;
  }
}
