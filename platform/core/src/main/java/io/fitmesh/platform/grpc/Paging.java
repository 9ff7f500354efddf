package io.fitmesh.platform.grpc;

import io.fitmesh.platform.errors.DomainException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** AIP-132 paging: page sizes checked against a range, opaque page tokens. */
public final class Paging {
  private Paging() {}

  /** {@code requested}, or {@code defaultSize} when 0; INVALID_ARGUMENT outside 1..max. */
  public static int pageSize(int requested, int defaultSize, int max) {
    if (requested == 0) {
      return defaultSize;
    }
    if (requested < 0 || requested > max) {
      throw DomainException.invalidArgument("page_size", "page_size must be 1.." + max + ", got " + requested);
    }
    return requested;
  }

  /** Wraps a position in an opaque token. */
  public static String token(String position) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(("p1:" + position).getBytes(StandardCharsets.UTF_8));
  }

  /** The position in a token from {@link #token}; null for the empty token, INVALID_ARGUMENT for a bad one. */
  public static String position(String token) {
    if (token == null || token.isEmpty()) {
      return null;
    }
    try {
      String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (decoded.startsWith("p1:")) {
        return decoded.substring(3);
      }
    } catch (IllegalArgumentException e) {
      // falls through to the error below
    }
    throw DomainException.invalidArgument("page_token", "page_token is not one this API returned");
  }
}
