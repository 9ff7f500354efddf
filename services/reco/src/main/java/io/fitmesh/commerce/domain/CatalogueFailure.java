package io.fitmesh.commerce.domain;

import static java.util.Objects.requireNonNull;

/**
 * A {@link Catalogue} could not answer. Its message is the reason's plain words and, where given, a detail of the
 * catalogue's own making; never text from the partner's answer. It has no stack trace: it is an expected outcome.
 */
public final class CatalogueFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final Unavailable reason;

  public CatalogueFailure(Unavailable reason) {
    this(reason, null);
  }

  /** With a detail for logs, e.g. the region and HTTP status. */
  public CatalogueFailure(Unavailable reason, String detail) {
    super(requireNonNull(reason, "reason").because() + (detail == null ? "" : " (" + detail + ")"), null, false,
        false);
    this.reason = reason;
  }

  public Unavailable reason() {
    return reason;
  }
}
