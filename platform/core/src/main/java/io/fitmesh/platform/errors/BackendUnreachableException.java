package io.fitmesh.platform.errors;

/**
 * A backend (Pulsar, CQL server, Redis) could not be reached when a component started. The message names the
 * backend, the address tried and how long it waited, so an operator can act on it without a stack trace.
 */
public final class BackendUnreachableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BackendUnreachableException(String backend, String address, String detail, Throwable cause) {
    super(backend + " at " + address + " is unreachable: " + detail, cause);
  }
}
