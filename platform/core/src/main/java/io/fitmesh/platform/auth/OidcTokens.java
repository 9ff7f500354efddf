package io.fitmesh.platform.auth;

import static java.util.Objects.requireNonNull;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.io.Closeable;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * OpenID Connect access tokens of the identity provider mobile apps sign in with: RS256 or ES256, verified with
 * the provider's keys from its JWKS URL (cached for 10 minutes, refreshed ahead in the background, fetched again
 * at once for a key id it does not know so a rotated key works without a restart, served stale for up to two
 * hours while the provider is down), then the issuer, audience, times and lifetime ({@link JwtChecks}).
 */
public final class OidcTokens implements TokenVerifier, AutoCloseable {
  private static final int CONNECT_TIMEOUT_MS = 1000;
  private static final int READ_TIMEOUT_MS = 2000;
  private static final int MAX_JWKS_BYTES = 256 * 1024;

  private final JWKSource<SecurityContext> keys;
  private final JwtChecks checks;
  private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

  public OidcTokens(String issuer, String audience, URI jwksUrl, String rolesClaim, Duration clockSkew,
      Duration maxLifetime, Clock clock) {
    requireNonNull(jwksUrl, "jwksUrl");
    try {
      keys = JWKSourceBuilder.<SecurityContext>create(jwksUrl.toURL(),
              new DefaultResourceRetriever(CONNECT_TIMEOUT_MS, READ_TIMEOUT_MS, MAX_JWKS_BYTES))
          .cache(Duration.ofMinutes(10).toMillis(), Duration.ofSeconds(5).toMillis())
          .refreshAheadCache(Duration.ofMinutes(1).toMillis(), true)
          .rateLimited(Duration.ofSeconds(30).toMillis())
          .outageTolerant(Duration.ofHours(2).toMillis())
          .retrying(true)
          .build();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("not a JWKS URL: " + jwksUrl, e);
    }
    checks = new JwtChecks(issuer, audience, clockSkew, maxLifetime, rolesClaim, clock);
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256),
        keys));
    processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, new JOSEObjectType("at+jwt"),
        null));
    processor.setJWTClaimsSetVerifier(checks);
  }

  @Override
  public VerifiedToken verify(String token) {
    return checks.process(processor, token);
  }

  @Override
  public void close() {
    if (keys instanceof Closeable closeable) {
      try {
        closeable.close();
      } catch (IOException e) {
        // the key source only stops its refresh thread
      }
    }
  }
}
