package io.fitmesh.telemetry.adapters;

import io.fitmesh.telemetry.domain.CursorStore;
import io.fitmesh.telemetry.domain.IngestCursor;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The embedded twin of {@link ScyllaCursorStore}: a deleted cursor stays deleted. */
public final class InMemoryCursorStore implements CursorStore {
  private final Map<String, IngestCursor> cursors = new ConcurrentHashMap<>();
  private final Set<String> deleted = ConcurrentHashMap.newKeySet();

  @Override
  public Optional<IngestCursor> load(String workoutId) {
    return Optional.ofNullable(cursors.get(workoutId));
  }

  @Override
  public void save(IngestCursor cursor) {
    if (!deleted.contains(cursor.workoutId())) {
      cursors.put(cursor.workoutId(), cursor);
    }
  }

  @Override
  public void delete(String workoutId) {
    deleted.add(workoutId);
    cursors.remove(workoutId);
  }
}
