package io.fitmesh.telemetry.domain;

import java.util.Optional;

/** The ingest cursor of each workout. */
public interface CursorStore {

  Optional<IngestCursor> load(String workoutId);

  /** Saves the cursor; durable when it returns. */
  void save(IngestCursor cursor);

  void delete(String workoutId);
}
