package io.fitmesh.telemetry.domain;

import java.util.List;

/** What became of a batch or a whole stream: counts, refusals and the cursor after it. */
public record IngestReport(IngestCursor cursor, long accepted, long duplicates, List<Rejection> rejected) {

  /** A refused sample and why. */
  public record Rejection(long seq, String reason) {}

  public static IngestReport none(IngestCursor cursor) {
    return new IngestReport(cursor, 0, 0, List.of());
  }

  /** This report followed by a later one (a stream's batches). */
  public IngestReport plus(IngestReport later) {
    List<Rejection> all = new java.util.ArrayList<>(rejected);
    all.addAll(later.rejected);
    return new IngestReport(later.cursor, accepted + later.accepted, duplicates + later.duplicates, all);
  }
}
