package io.fitmesh.platform.events;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;

/**
 * A batch handler that runs a per-event handler on the events of different keys at once and on the events of one
 * key in order, for consumers whose work per event is mostly waiting on other services. The batch fails (and is
 * redelivered whole) when any event fails; handlers are idempotent.
 */
public final class PerKeyInParallel implements BatchEventHandler {
  private final EventHandler handler;
  private final ExecutorService workers;

  public PerKeyInParallel(EventHandler handler, ExecutorService workers) {
    this.handler = requireNonNull(handler, "handler");
    this.workers = requireNonNull(workers, "workers");
  }

  @Override
  public void handle(List<Event> events) throws Exception {
    Map<String, List<Event>> byKey = new LinkedHashMap<>();
    events.forEach(e -> byKey.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(e));
    List<CompletableFuture<Void>> keys = new ArrayList<>();
    for (List<Event> ofKey : byKey.values()) {
      keys.add(CompletableFuture.runAsync(() -> {
        for (Event e : ofKey) {
          try {
            handler.handle(e);
          } catch (Exception ex) {
            throw new CompletionException(ex);
          }
        }
      }, workers));
    }
    try {
      CompletableFuture.allOf(keys.toArray(CompletableFuture[]::new)).join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    }
  }
}
