package io.fitmesh.platform.errors;

import com.google.protobuf.Any;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import com.linecorp.armeria.common.ContentTooLargeException;
import com.linecorp.armeria.common.RequestContext;
import com.linecorp.armeria.common.ShuttingDownException;
import com.linecorp.armeria.common.grpc.GoogleGrpcExceptionHandlerFunction;
import com.linecorp.armeria.common.grpc.protocol.ArmeriaMessageDeframer;
import com.linecorp.armeria.common.stream.AbortedStreamException;
import com.linecorp.armeria.common.stream.CancelledSubscriptionException;
import com.linecorp.armeria.common.stream.ClosedStreamException;
import com.linecorp.armeria.common.util.Exceptions;
import com.linecorp.armeria.server.HttpStatusException;
import com.linecorp.armeria.server.RequestTimeoutException;
import io.fitmesh.common.v1.ErrorReason;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.protobuf.StatusProto;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become gRPC statuses. A {@link DomainException} keeps its message and gains an
 * ErrorInfo; a status thrown by a downstream call passes through (the BFF relays codes), unless the call broke off
 * (UNKNOWN: its server died mid-call), which becomes UNAVAILABLE; a client that went away, cancelled or let its
 * deadline pass is CANCELLED or DEADLINE_EXCEEDED and logged at INFO; a request too large for its route is
 * RESOURCE_EXHAUSTED; anything else is a bug or an unexpected backend failure: it is logged with
 * an error id and the caller sees INTERNAL with that id only. No message leaves longer than
 * {@link #MAX_MESSAGE_BYTES}, and none carries an exception's text, a class name or a stack.
 */
public final class ErrorMapper implements GoogleGrpcExceptionHandlerFunction {
  public static final String DOMAIN = "fitmesh.io";
  /**
   * Status messages travel in HTTP/2 headers (8 KiB by default), twice (grpc-message and the details): a longer
   * one resets the stream or the whole connection with every call on it.
   */
  static final int MAX_MESSAGE_BYTES = 1024;
  private static final int MAX_DETAILS_BYTES = 2048;
  private static final Logger log = LoggerFactory.getLogger(ErrorMapper.class);
  private static final String DEFRAMER = ArmeriaMessageDeframer.class.getName();
  private static final Metadata.Key<com.google.rpc.Status> DETAILS = Metadata.Key.of("grpc-status-details-bin",
      ProtoUtils.metadataMarshaller(com.google.rpc.Status.getDefaultInstance()));

  /**
   * A status exception never reaches {@link #applyStatusProto} (Armeria passes its status on), so two kinds are
   * rewritten here: Armeria's own answer to a message over the size limit or a broken frame (a status naming its
   * deframer class), and a downstream call that broke off ({@link #brokeOff}).
   */
  @Override
  public Status apply(RequestContext ctx, Status status, Throwable cause, Metadata metadata) {
    if (Exceptions.peel(cause) instanceof StatusRuntimeException sre) {
      com.google.rpc.Status rewritten = rewritten(sre);
      if (rewritten != null) {
        metadata.discardAll(DETAILS);
        metadata.put(DETAILS, rewritten);
        return Status.fromCodeValue(rewritten.getCode()).withDescription(rewritten.getMessage());
      }
    }
    return GoogleGrpcExceptionHandlerFunction.super.apply(ctx, status, cause, metadata);
  }

  /** The status to answer instead of the exception's own, or null to pass that on. */
  private static com.google.rpc.Status rewritten(StatusRuntimeException sre) {
    String description = sre.getStatus().getDescription();
    if (description != null && description.startsWith(DEFRAMER)) {
      return sre.getStatus().getCode() == Status.Code.RESOURCE_EXHAUSTED
          ? tooLarge("a request message is larger than this call accepts")
          : fromDomain(DomainException.invalidArgument("body", "the request is not a well-formed gRPC message"));
    }
    return sre.getStatus().getCode() == Status.Code.UNKNOWN ? brokeOff(sre) : null;
  }

  @Override
  public com.google.rpc.Status applyStatusProto(RequestContext ctx, Throwable cause, Metadata metadata) {
    return toStatusProto(cause);
  }

  /** Maps a failure to a status a client may see. */
  public static com.google.rpc.Status toStatusProto(Throwable cause) {
    Throwable unwrapped = unwrap(cause);
    if (unwrapped instanceof DomainException domain) {
      if (domain.getCause() != null) {
        log.warn("{}: {}", domain.kind(), domain.getMessage(), domain.getCause());
      }
      return fromDomain(domain);
    }
    if (unwrapped instanceof StatusRuntimeException sre) {
      return sre.getStatus().getCode() == Status.Code.UNKNOWN ? brokeOff(sre) : relayed(sre);
    }
    com.google.rpc.Status transport = fromTransport(unwrapped);
    if (transport != null) {
      return transport;
    }
    String errorId = UUID.randomUUID().toString();
    log.error("unexpected failure, error id {}", errorId, unwrapped);
    return com.google.rpc.Status.newBuilder()
        .setCode(Code.INTERNAL_VALUE)
        .setMessage("internal error (error id " + errorId + ")")
        .build();
  }

  /** The same mapping as a throwable, for code that must fail a call itself (interceptors, streams). */
  public static StatusRuntimeException toStatusException(Throwable cause) {
    return StatusProto.toStatusRuntimeException(toStatusProto(cause));
  }

  /**
   * A downstream service's refusal in domain terms, for adapters that call other services: NOT_FOUND,
   * PERMISSION_DENIED, INVALID_ARGUMENT, FAILED_PRECONDITION, UNAUTHENTICATED and RESOURCE_EXHAUSTED keep their
   * message; anything else means the service could not answer and becomes UNAVAILABLE naming {@code service}.
   */
  public static DomainException fromDownstream(StatusRuntimeException e, String service) {
    String message = e.getStatus().getDescription() == null ? service + " refused the call"
        : e.getStatus().getDescription();
    return switch (e.getStatus().getCode()) {
      case NOT_FOUND -> DomainException.notFound(message);
      case PERMISSION_DENIED -> DomainException.permissionDenied(message);
      case INVALID_ARGUMENT -> DomainException.invalidArgument("request", message);
      case FAILED_PRECONDITION -> DomainException.failedPrecondition(message);
      case UNAUTHENTICATED -> DomainException.unauthenticated(message);
      case ALREADY_EXISTS -> DomainException.alreadyExists(message);
      case RESOURCE_EXHAUSTED -> DomainException.resourceExhausted(message);
      default -> DomainException.unavailable(service + " unavailable", e);
    };
  }

  /** The gRPC code a domain failure kind maps to. */
  public static Status.Code codeOf(DomainException.Kind kind) {
    return switch (kind) {
      case INVALID_ARGUMENT -> Status.Code.INVALID_ARGUMENT;
      case NOT_FOUND -> Status.Code.NOT_FOUND;
      case ALREADY_EXISTS -> Status.Code.ALREADY_EXISTS;
      case PERMISSION_DENIED -> Status.Code.PERMISSION_DENIED;
      case UNAUTHENTICATED -> Status.Code.UNAUTHENTICATED;
      case RESOURCE_EXHAUSTED -> Status.Code.RESOURCE_EXHAUSTED;
      case FAILED_PRECONDITION -> Status.Code.FAILED_PRECONDITION;
      case UNAVAILABLE -> Status.Code.UNAVAILABLE;
    };
  }

  /** RESOURCE_EXHAUSTED for a request too large for its call: retrying it will not help. */
  public static com.google.rpc.Status tooLarge(String message) {
    return withReason(Code.RESOURCE_EXHAUSTED_VALUE, message, ErrorReason.ERROR_REASON_REQUEST_TOO_LARGE);
  }

  /**
   * The ways a call ends because its client went away, cancelled or let its deadline pass (a wearable losing its
   * link is normal), a request larger than the route takes, and a server shutting down: none is a failure of the
   * server, so none is logged as one.
   */
  private static com.google.rpc.Status fromTransport(Throwable t) {
    if (t instanceof RequestTimeoutException) {
      log.info("call ended by its deadline");
      return withReason(Code.DEADLINE_EXCEEDED_VALUE, "the call's deadline passed", ErrorReason.ERROR_REASON_CANCELLED);
    }
    if (t instanceof ShuttingDownException) {
      return withReason(Code.UNAVAILABLE_VALUE, "the server is shutting down; retry",
          ErrorReason.ERROR_REASON_BACKEND_UNAVAILABLE);
    }
    if (t instanceof ContentTooLargeException || (t instanceof HttpStatusException h && h.httpStatus().code() == 413)) {
      return tooLarge("the request is larger than this call accepts");
    }
    if (t instanceof java.util.concurrent.CancellationException
        || t instanceof com.linecorp.armeria.common.CancellationException
        || t instanceof ClosedStreamException
        || t instanceof AbortedStreamException
        || t instanceof CancelledSubscriptionException
        || t instanceof java.nio.channels.ClosedChannelException) {
      log.info("call ended by the client ({})", t.getClass().getSimpleName());
      return withReason(Code.CANCELLED_VALUE, "the call was cancelled", ErrorReason.ERROR_REASON_CANCELLED);
    }
    return null;
  }

  /**
   * FitMesh's services never answer UNKNOWN (every failure maps to a code above), so a call that ends UNKNOWN broke
   * off on the way: its server died or its connection dropped mid-call. The write may or may not have been
   * applied; every write is idempotent, so the client is told to retry.
   */
  private static com.google.rpc.Status brokeOff(StatusRuntimeException sre) {
    log.warn("a service call broke off ({})", sre.getCause() == null ? sre.getStatus() : sre.getCause().toString());
    return withReason(Code.UNAVAILABLE_VALUE, "a service call broke off; retry",
        ErrorReason.ERROR_REASON_BACKEND_UNAVAILABLE);
  }

  /** A downstream status, with its message and details bounded as every message here is. */
  private static com.google.rpc.Status relayed(StatusRuntimeException sre) {
    com.google.rpc.Status relayed = StatusProto.fromThrowable(sre);
    com.google.rpc.Status.Builder bounded = com.google.rpc.Status.newBuilder()
        .setCode(sre.getStatus().getCode().value())
        .setMessage(bound(relayed != null ? relayed.getMessage() : nullToEmpty(sre.getStatus().getDescription())));
    if (relayed != null && relayed.getSerializedSize() <= MAX_DETAILS_BYTES) {
      bounded.addAllDetails(relayed.getDetailsList());
    }
    return bounded.build();
  }

  private static com.google.rpc.Status fromDomain(DomainException domain) {
    ErrorInfo info = ErrorInfo.newBuilder()
        .setDomain(DOMAIN)
        .setReason(reasonOf(domain.kind()).name())
        .putAllMetadata(domain.metadata())
        .build();
    return com.google.rpc.Status.newBuilder()
        .setCode(codeOf(domain.kind()).value())
        .setMessage(bound(domain.getMessage()))
        .addDetails(Any.pack(info))
        .build();
  }

  private static com.google.rpc.Status withReason(int code, String message, ErrorReason reason) {
    return com.google.rpc.Status.newBuilder()
        .setCode(code)
        .setMessage(message)
        .addDetails(Any.pack(ErrorInfo.newBuilder().setDomain(DOMAIN).setReason(reason.name()).build()))
        .build();
  }

  private static ErrorReason reasonOf(DomainException.Kind kind) {
    return switch (kind) {
      case INVALID_ARGUMENT -> ErrorReason.ERROR_REASON_INVALID_FIELD;
      case NOT_FOUND -> ErrorReason.ERROR_REASON_NOT_FOUND;
      case ALREADY_EXISTS -> ErrorReason.ERROR_REASON_ALREADY_EXISTS;
      case PERMISSION_DENIED -> ErrorReason.ERROR_REASON_FORBIDDEN;
      case UNAUTHENTICATED -> ErrorReason.ERROR_REASON_UNAUTHENTICATED;
      case RESOURCE_EXHAUSTED -> ErrorReason.ERROR_REASON_RATE_LIMITED;
      case FAILED_PRECONDITION -> ErrorReason.ERROR_REASON_FAILED_PRECONDITION;
      case UNAVAILABLE -> ErrorReason.ERROR_REASON_BACKEND_UNAVAILABLE;
    };
  }

  /** At most {@link #MAX_MESSAGE_BYTES} of UTF-8, cut at a character boundary and marked as cut. */
  static String bound(String message) {
    if (message.length() * 3 <= MAX_MESSAGE_BYTES
        || message.getBytes(StandardCharsets.UTF_8).length <= MAX_MESSAGE_BYTES) {
      return message;
    }
    int end = 0;
    int bytes = 0;
    while (end < message.length()) {
      int cp = message.codePointAt(end);
      int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (bytes + size > MAX_MESSAGE_BYTES - 3) {
        break;
      }
      bytes += size;
      end += Character.charCount(cp);
    }
    return message.substring(0, end) + "...";
  }

  private static Throwable unwrap(Throwable t) {
    Throwable current = t;
    while ((current instanceof java.util.concurrent.CompletionException
            || current instanceof java.util.concurrent.ExecutionException)
        && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
