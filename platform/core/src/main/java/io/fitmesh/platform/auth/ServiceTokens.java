package io.fitmesh.platform.auth;

import static java.util.Objects.requireNonNull;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.proc.SingleKeyJWSKeySelector;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tokens one FitMesh service gives another when it calls on behalf of an athlete: HS256 with the services' shared
 * secret (32 bytes or more), issuer "fitmesh-internal", audience = the called deployable, subject = the athlete,
 * the athlete's roles, living one minute. A client's token is never passed on, so a client token is no good on an
 * internal method, and one service's token is no good on another.
 */
public final class ServiceTokens {
  public static final String ISSUER = "fitmesh-internal";
  static final Duration LIFETIME = Duration.ofMinutes(1);

  private final byte[] secret;
  private final Clock clock;
  private final Duration clockSkew;
  private final Map<String, DefaultJWTProcessor<SecurityContext>> processors = new ConcurrentHashMap<>();
  private final Map<String, JwtChecks> checks = new ConcurrentHashMap<>();

  public ServiceTokens(String secret, Duration clockSkew, Clock clock) {
    this.secret = requireNonNull(secret, "secret").getBytes(StandardCharsets.UTF_8);
    if (this.secret.length < 32) {
      throw new IllegalArgumentException("the service token secret must have at least 32 bytes");
    }
    this.clockSkew = requireNonNull(clockSkew, "clockSkew");
    this.clock = requireNonNull(clock, "clock");
  }

  /** A token for a call to {@code audience} (a deployable's name) on behalf of {@code caller}. */
  public String mint(VerifiedToken caller, String audience) {
    Instant now = clock.instant();
    JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(ISSUER).audience(audience)
        .subject(caller.athleteId()).issueTime(Date.from(now)).expirationTime(Date.from(now.plus(LIFETIME)));
    if (!caller.roles().isEmpty()) {
      claims.claim("roles", List.copyOf(caller.roles()));
    }
    return DevTokens.sign(claims.build(), secret);
  }

  /** The caller of a token minted for {@code audience}; UNAUTHENTICATED otherwise. */
  public VerifiedToken verify(String token, String audience) {
    JwtChecks audienceChecks = checks.computeIfAbsent(audience,
        a -> new JwtChecks(ISSUER, a, clockSkew, LIFETIME, "roles", clock));
    DefaultJWTProcessor<SecurityContext> processor = processors.computeIfAbsent(audience, a -> {
      DefaultJWTProcessor<SecurityContext> p = new DefaultJWTProcessor<>();
      p.setJWSKeySelector(new SingleKeyJWSKeySelector<>(JWSAlgorithm.HS256, new SecretKeySpec(secret, "HmacSHA256")));
      p.setJWTClaimsSetVerifier(audienceChecks);
      return p;
    });
    return audienceChecks.process(processor, token);
  }
}
