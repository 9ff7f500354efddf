package io.fitmesh.platform.errors;

import com.google.protobuf.Any;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import com.linecorp.armeria.common.RequestContext;
import com.linecorp.armeria.common.grpc.GoogleGrpcExceptionHandlerFunction;
import io.fitmesh.common.v1.ErrorReason;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become gRPC statuses. A {@link DomainException} keeps its message and gains an
 * ErrorInfo; a status thrown by a downstream call passes through unchanged (the BFF relays codes); anything
 * else is a bug or an unexpected backend failure: it is logged with an error id and the caller sees INTERNAL
 * with that id only, never the exception text.
 */
public final class ErrorMapper implements GoogleGrpcExceptionHandlerFunction {
  public static final String DOMAIN = "fitmesh.io";
  private static final Logger log = LoggerFactory.getLogger(ErrorMapper.class);

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
      com.google.rpc.Status relayed = StatusProto.fromThrowable(sre);
      if (relayed != null) {
        return relayed;
      }
      return com.google.rpc.Status.newBuilder()
          .setCode(sre.getStatus().getCode().value())
          .setMessage(nullToEmpty(sre.getStatus().getDescription()))
          .build();
    }
    if (unwrapped instanceof com.linecorp.armeria.server.RequestTimeoutException) {
      return com.google.rpc.Status.newBuilder()
          .setCode(Code.DEADLINE_EXCEEDED_VALUE)
          .setMessage("the call's deadline passed")
          .build();
    }
    if (isClientGone(unwrapped)) {
      log.info("call ended by the client or its deadline ({})", unwrapped.getClass().getSimpleName());
      return com.google.rpc.Status.newBuilder()
          .setCode(Code.CANCELLED_VALUE)
          .setMessage("the call was cancelled")
          .build();
    }
    String errorId = UUID.randomUUID().toString();
    log.error("unexpected failure, error id {}", errorId, unwrapped);
    return com.google.rpc.Status.newBuilder()
        .setCode(Code.INTERNAL_VALUE)
        .setMessage("internal error (error id " + errorId + ")")
        .build();
  }

  /**
   * The ways a call ends because its client went away, cancelled or let its deadline pass (a wearable losing its
   * link is normal): cancellations, streams closed under the call, a response completed before the handler
   * wrote to it. Not failures of the server.
   */
  private static boolean isClientGone(Throwable t) {
    return t instanceof java.util.concurrent.CancellationException
        || t instanceof com.linecorp.armeria.common.CancellationException
        || t instanceof com.linecorp.armeria.common.stream.ClosedStreamException
        || t instanceof com.linecorp.armeria.common.stream.AbortedStreamException
        || t instanceof com.linecorp.armeria.common.stream.CancelledSubscriptionException;
  }

  /** The same mapping as a throwable, for code that must fail a call itself (interceptors, streams). */
  public static StatusRuntimeException toStatusException(Throwable cause) {
    return StatusProto.toStatusRuntimeException(toStatusProto(cause));
  }

  /**
   * A downstream service's refusal in domain terms, for adapters that call other services: NOT_FOUND,
   * PERMISSION_DENIED, INVALID_ARGUMENT, FAILED_PRECONDITION and UNAUTHENTICATED keep their message; anything
   * else means the service could not answer and becomes UNAVAILABLE naming {@code service}.
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

  private static com.google.rpc.Status fromDomain(DomainException domain) {
    ErrorInfo info = ErrorInfo.newBuilder()
        .setDomain(DOMAIN)
        .setReason(reasonOf(domain.kind()).name())
        .putAllMetadata(domain.metadata())
        .build();
    return com.google.rpc.Status.newBuilder()
        .setCode(codeOf(domain.kind()).value())
        .setMessage(domain.getMessage())
        .addDetails(Any.pack(info))
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
