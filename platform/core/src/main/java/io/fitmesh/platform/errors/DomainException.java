package io.fitmesh.platform.errors;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * A failure that domain code reports in its own terms. {@link ErrorMapper} turns it into a canonical gRPC
 * status at the edge; domain code never imports gRPC. The message is shown to the caller, so it must say what
 * was wrong with the request in words a client developer understands, never driver or stack details.
 */
public final class DomainException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What kind of failure this is; each maps to exactly one gRPC code. */
  public enum Kind {
    INVALID_ARGUMENT,
    NOT_FOUND,
    ALREADY_EXISTS,
    PERMISSION_DENIED,
    UNAUTHENTICATED,
    RESOURCE_EXHAUSTED,
    FAILED_PRECONDITION,
    UNAVAILABLE
  }

  private final Kind kind;
  private final Map<String, String> metadata;

  private DomainException(Kind kind, String message, Map<String, String> metadata, Throwable cause) {
    super(requireNonNull(message, "message"), cause);
    this.kind = requireNonNull(kind, "kind");
    this.metadata = Map.copyOf(metadata);
  }

  public static DomainException invalidArgument(String field, String message) {
    return new DomainException(Kind.INVALID_ARGUMENT, message, Map.of("field", field), null);
  }

  public static DomainException notFound(String message) {
    return new DomainException(Kind.NOT_FOUND, message, Map.of(), null);
  }

  public static DomainException alreadyExists(String message) {
    return new DomainException(Kind.ALREADY_EXISTS, message, Map.of(), null);
  }

  public static DomainException permissionDenied(String message) {
    return new DomainException(Kind.PERMISSION_DENIED, message, Map.of(), null);
  }

  public static DomainException unauthenticated(String message) {
    return new DomainException(Kind.UNAUTHENTICATED, message, Map.of(), null);
  }

  public static DomainException resourceExhausted(String message) {
    return new DomainException(Kind.RESOURCE_EXHAUSTED, message, Map.of(), null);
  }

  public static DomainException failedPrecondition(String message) {
    return new DomainException(Kind.FAILED_PRECONDITION, message, Map.of(), null);
  }

  /** A backend is down or overloaded; the cause is kept for the log and never shown to the caller. */
  public static DomainException unavailable(String message, Throwable cause) {
    return new DomainException(Kind.UNAVAILABLE, message, Map.of(), cause);
  }

  public Kind kind() {
    return kind;
  }

  /** Extra facts for the caller (e.g. "field"); copied into ErrorInfo.metadata. */
  public Map<String, String> metadata() {
    return metadata;
  }
}
