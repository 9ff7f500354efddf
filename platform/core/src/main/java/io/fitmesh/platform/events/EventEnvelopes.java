package io.fitmesh.platform.events;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import io.fitmesh.events.v1.EventEnvelope;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Builds and reads the one envelope every event travels in, whatever the adapter. */
final class EventEnvelopes {
  private EventEnvelopes() {}

  static EventEnvelope wrap(String topic, String key, Message payload, Map<String, String> traceContext,
      Instant now) {
    return EventEnvelope.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setTopic(topic)
        .setKey(key)
        .setOccurredAt(Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()))
        .putAllTraceContext(traceContext)
        .setPayload(Any.pack(payload))
        .build();
  }

  static EventEnvelope parse(byte[] bytes) throws InvalidProtocolBufferException {
    return EventEnvelope.parseFrom(bytes);
  }

  static Event toEvent(EventEnvelope envelope, int attempt) {
    Timestamp t = envelope.getOccurredAt();
    return new Event(envelope.getEventId(), envelope.getTopic(), envelope.getKey(),
        Instant.ofEpochSecond(t.getSeconds(), t.getNanos()), envelope.getPayload(), attempt);
  }
}
