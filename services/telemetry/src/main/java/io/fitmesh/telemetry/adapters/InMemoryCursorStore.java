package io.fitmesh.telemetry.adapters;

import io.fitmesh.telemetry.domain.CursorStore;
import io.fitmesh.telemetry.domain.IngestCursor;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The embedded twin of {@link ScyllaCursorStore}. */
public final class InMemoryCursorStore implements CursorStore {
  private final Map<String, IngestCursor> cursors = new ConcurrentHashMap<>();

  @Override
  public Optional<IngestCursor> load(String workoutId) {
    return Optional.ofNullable(cursors.get(workoutId));
  }

  @Override
  public void save(IngestCursor cursor) {
    cursors.put(cursor.workoutId(), cursor);
  }

  @Override
  public void delete(String workoutId) {
    cursors.remove(workoutId);
  }
}
