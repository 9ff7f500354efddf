package io.fitmesh.platform.auth;

/** Checks a bearer token of a mobile or web client. */
public interface TokenVerifier {

  /**
   * The athlete and roles of a valid token.
   *
   * @throws io.fitmesh.platform.errors.DomainException UNAUTHENTICATED for any token that is not valid now (with a
   *     short reason, never the token), UNAVAILABLE when the identity provider's keys cannot be fetched
   */
  VerifiedToken verify(String token);
}
