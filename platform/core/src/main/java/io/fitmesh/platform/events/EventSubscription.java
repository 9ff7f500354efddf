package io.fitmesh.platform.events;

/** A running consumer of a named subscription. Closing it leaves the subscription and its backlog in place. */
public interface EventSubscription extends AutoCloseable {
  @Override
  void close();
}
