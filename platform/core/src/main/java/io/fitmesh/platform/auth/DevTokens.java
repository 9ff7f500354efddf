package io.fitmesh.platform.auth;

import static java.util.Objects.requireNonNull;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.proc.SingleKeyJWSKeySelector;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;
import javax.crypto.spec.SecretKeySpec;

/**
 * Development bearer tokens, for embedded and local mode on a loopback address only ({@code fitmesh token}):
 * HS256 with a secret of 32 bytes or more, issuer "fitmesh-dev", audience "fitmesh-api", subject = athlete id,
 * issued-at, expiry within the maximum lifetime, optional roles. Anything else is refused.
 */
public final class DevTokens implements TokenVerifier {
  public static final String ISSUER = "fitmesh-dev";
  public static final String AUDIENCE = "fitmesh-api";
  private static final Pattern ATHLETE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private final byte[] secret;
  private final Clock clock;
  private final Duration maxLifetime;
  private final JwtChecks checks;
  private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

  public DevTokens(String secret, Duration clockSkew, Duration maxLifetime, Clock clock) {
    this.secret = requireNonNull(secret, "secret").getBytes(StandardCharsets.UTF_8);
    if (this.secret.length < 32) {
      throw new IllegalArgumentException("the token secret must have at least 32 bytes");
    }
    this.clock = requireNonNull(clock, "clock");
    this.maxLifetime = requireNonNull(maxLifetime, "maxLifetime");
    this.checks = new JwtChecks(ISSUER, AUDIENCE, clockSkew, maxLifetime, "roles", clock);
    processor.setJWSKeySelector(new SingleKeyJWSKeySelector<>(JWSAlgorithm.HS256,
        new SecretKeySpec(this.secret, "HmacSHA256")));
    processor.setJWTClaimsSetVerifier(checks);
  }

  /** A token for the athlete, valid for {@code ttl} (at most the maximum lifetime), with the given roles. */
  public String mint(String athleteId, Duration ttl, String... roles) {
    if (!ATHLETE_ID.matcher(requireNonNull(athleteId, "athleteId")).matches()) {
      throw new IllegalArgumentException("athlete id must be 1..64 characters of [A-Za-z0-9_-]");
    }
    if (ttl.compareTo(maxLifetime) > 0) {
      throw new IllegalArgumentException("a token may live at most " + maxLifetime.toHours() + " h");
    }
    Instant now = clock.instant();
    JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject(athleteId)
        .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(ttl)));
    if (roles.length > 0) {
      claims.claim("roles", List.of(roles));
    }
    return sign(claims.build(), secret);
  }

  @Override
  public VerifiedToken verify(String token) {
    return checks.process(processor, token);
  }

  static String sign(JWTClaimsSet claims, byte[] secret) {
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
      jwt.sign(new MACSigner(secret));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException("HS256 signing failed", e);
    }
  }
}
