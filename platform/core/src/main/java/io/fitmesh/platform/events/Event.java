package io.fitmesh.platform.events;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import java.time.Instant;

/**
 * One delivery of an event to a handler.
 *
 * @param attempt 1 on first delivery, then 2, 3, ... on redeliveries
 */
public record Event(String eventId, String topic, String key, Instant occurredAt, Any payload, int attempt) {

  /** The payload as the given message type; fails if the event carries another type. */
  public <T extends Message> T payload(Class<T> type) {
    try {
      return payload.unpack(type);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException(
          "event " + eventId + " on " + topic + " carries " + payload.getTypeUrl() + ", not " + type.getName(), e);
    }
  }
}
