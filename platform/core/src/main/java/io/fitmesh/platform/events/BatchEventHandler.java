package io.fitmesh.platform.events;

import java.util.List;

/**
 * Handles events a batch at a time (for consumers that write many at once). Returning acknowledges every event
 * of the batch; throwing asks for all of them to be delivered again.
 */
@FunctionalInterface
public interface BatchEventHandler {
  void handle(List<Event> events) throws Exception;
}
