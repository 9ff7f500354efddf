package io.fitmesh.platform.events;

import com.google.protobuf.Any;
import com.google.protobuf.Internal;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One delivery of an event to a handler.
 *
 * @param attempt 1 on first delivery, then 2, 3, ... on redeliveries
 */
public record Event(String eventId, String topic, String key, Instant occurredAt, Any payload, int attempt) {
  /** Default instances by payload type: {@link Any#unpack} finds one by reflection on every call. */
  private static final Map<Class<?>, Message> PROTOTYPES = new ConcurrentHashMap<>();

  /** The payload as the given message type; fails if the event carries another type. */
  public <T extends Message> T payload(Class<T> type) {
    Message prototype = PROTOTYPES.computeIfAbsent(type, t -> Internal.getDefaultInstance(type));
    String url = payload.getTypeUrl();
    if (!url.substring(url.lastIndexOf('/') + 1).equals(prototype.getDescriptorForType().getFullName())) {
      throw new IllegalArgumentException(
          "event " + eventId + " on " + topic + " carries " + payload.getTypeUrl() + ", not " + type.getName());
    }
    try {
      return type.cast(prototype.getParserForType().parseFrom(payload.getValue()));
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException("event " + eventId + " on " + topic + " has a damaged payload", e);
    }
  }
}
