package io.fitmesh.platform.server;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor.JavaType;
import com.google.protobuf.Message;
import io.fitmesh.platform.errors.DomainException;
import io.fitmesh.platform.errors.ErrorMapper;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.StatusRuntimeException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refuses any request whose text fields are longer than a caller has reason to send, before a handler sees it:
 * ids and tokens 256 characters, time zones 64, titles and names 200, any other text 4,000. The answer names the
 * field and the limit, never the value. Bytes (an import file) are held to the route's size limit instead.
 */
final class FieldLengthCheck implements ServerInterceptor {
  private static final int ANY_TEXT = 4_000;
  private static final Map<String, Integer> BY_NAME = Map.of("time_zone", 64, "title", 200, "name", 200);
  private static final Map<Descriptor, Boolean> HOLDS_TEXT = new ConcurrentHashMap<>();

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
      ServerCallHandler<Q, R> next) {
    ServerCall.Listener<Q> delegate = next.startCall(call, headers);
    return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(delegate) {
      private boolean refused;

      @Override
      public void onMessage(Q message) {
        if (refused) {
          return;
        }
        try {
          if (message instanceof Message m) {
            check(m);
          }
        } catch (DomainException e) {
          refused = true;
          StatusRuntimeException status = ErrorMapper.toStatusException(e);
          call.close(status.getStatus(), status.getTrailers() == null ? new Metadata() : status.getTrailers());
          return;
        }
        super.onMessage(message);
      }

      @Override
      public void onHalfClose() {
        if (!refused) {
          super.onHalfClose();
        }
      }
    };
  }

  /**
   * INVALID_ARGUMENT naming the first text field, at any depth, that is too long. Messages whose type can hold no
   * text at any depth (a telemetry sample, a timestamp) are not walked.
   */
  static void check(Message message) {
    if (!holdsText(message.getDescriptorForType())) {
      return;
    }
    for (Map.Entry<FieldDescriptor, Object> field : message.getAllFields().entrySet()) {
      FieldDescriptor descriptor = field.getKey();
      if (descriptor.getJavaType() == JavaType.MESSAGE && !holdsText(descriptor.getMessageType())) {
        continue;
      }
      List<?> values = descriptor.isRepeated() ? (List<?>) field.getValue() : List.of(field.getValue());
      for (Object value : values) {
        if (value instanceof String text) {
          int limit = limitOf(descriptor.getName());
          if (text.length() > limit) {
            throw DomainException.invalidArgument(descriptor.getName(), descriptor.getName() + " has "
                + text.length() + " characters; at most " + limit + " are accepted");
          }
        } else if (value instanceof Message nested) {
          check(nested);
        }
      }
    }
  }

  /** Whether a message of this type can hold a text field at any depth (types may be recursive). */
  static boolean holdsText(Descriptor type) {
    return HOLDS_TEXT.computeIfAbsent(type, t -> reachesText(t, new HashSet<>()));
  }

  private static boolean reachesText(Descriptor type, Set<Descriptor> seen) {
    if (!seen.add(type)) {
      return false;
    }
    for (FieldDescriptor field : type.getFields()) {
      if (field.getJavaType() == JavaType.STRING
          || field.getJavaType() == JavaType.MESSAGE && reachesText(field.getMessageType(), seen)) {
        return true;
      }
    }
    return false;
  }

  private static int limitOf(String fieldName) {
    if (fieldName.endsWith("_id") || fieldName.endsWith("_token")) {
      return 256;
    }
    return BY_NAME.getOrDefault(fieldName, ANY_TEXT);
  }
}
