package io.fitmesh.telemetry.domain;

import java.util.Optional;

/** The ingest cursor of each workout. */
public interface CursorStore {

  Optional<IngestCursor> load(String workoutId);

  /** Saves the cursor; durable when it returns. */
  void save(IngestCursor cursor);

  /** Deletes a deleted workout's cursor for good: a save that arrives later is not kept. */
  void delete(String workoutId);
}
