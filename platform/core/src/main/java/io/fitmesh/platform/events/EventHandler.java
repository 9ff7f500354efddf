package io.fitmesh.platform.events;

/** Handles one event. Returning normally acknowledges it; throwing asks for a redelivery later. */
@FunctionalInterface
public interface EventHandler {
  void handle(Event event) throws Exception;
}
