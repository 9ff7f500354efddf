package io.fitmesh.platform.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.source.JWKSetUnavailableException;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.ExpiredJWTException;
import io.fitmesh.platform.errors.DomainException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What every kind of bearer token must pass besides its signature: the issuer and audience, a subject that is an
 * athlete id, issued-at and expiry, not before (all with a clock-skew leeway), issued-at not in the future, and a
 * lifetime no longer than the maximum. Failures are UNAUTHENTICATED with a short reason.
 */
final class JwtChecks extends DefaultJWTClaimsVerifier<SecurityContext> {
  private static final Pattern ATHLETE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private final Clock clock;
  private final Duration maxLifetime;
  private final String rolesClaim;

  JwtChecks(String issuer, String audience, Duration clockSkew, Duration maxLifetime, String rolesClaim,
      Clock clock) {
    super(Set.of(audience), new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("sub", "iat", "exp"), null);
    setMaxClockSkew((int) clockSkew.toSeconds());
    this.clock = clock;
    this.maxLifetime = maxLifetime;
    this.rolesClaim = rolesClaim;
  }

  @Override
  protected java.util.Date currentTime() {
    return java.util.Date.from(clock.instant());
  }

  @Override
  public void verify(JWTClaimsSet claims, SecurityContext context) throws BadJWTException {
    super.verify(claims, context);
    Instant issued = claims.getIssueTime().toInstant();
    Instant expires = claims.getExpirationTime().toInstant();
    if (issued.isAfter(clock.instant().plusSeconds(getMaxClockSkew()))) {
      throw new BadJWTException("bearer token was issued in the future");
    }
    if (Duration.between(issued, expires).compareTo(maxLifetime) > 0) {
      throw new BadJWTException("bearer token lives longer than " + maxLifetime.toHours() + " h");
    }
    if (!ATHLETE_ID.matcher(claims.getSubject()).matches()) {
      throw new BadJWTException("bearer token has no valid subject");
    }
  }

  /** Runs the processor and maps every refusal to UNAUTHENTICATED, an unreachable key set to UNAVAILABLE. */
  VerifiedToken process(ConfigurableJWTProcessor<SecurityContext> processor, String token) {
    if (token == null || token.isEmpty()) {
      throw DomainException.unauthenticated("malformed bearer token");
    }
    try {
      JWTClaimsSet claims = processor.process(token, null);
      return new VerifiedToken(claims.getSubject(), roles(claims));
    } catch (ExpiredJWTException e) {
      throw DomainException.unauthenticated("bearer token has expired");
    } catch (BadJWTException e) {
      throw DomainException.unauthenticated(e.getMessage().startsWith("bearer token") ? e.getMessage()
          : "bearer token is not valid here (" + e.getMessage().replace("JWT ", "") + ")");
    } catch (ParseException e) {
      throw DomainException.unauthenticated("malformed bearer token");
    } catch (BadJOSEException | RateLimitReachedException e) {
      throw DomainException.unauthenticated("bearer token signature does not match a trusted key");
    } catch (JWKSetUnavailableException e) {
      throw DomainException.unavailable("the identity provider's keys cannot be fetched now", e);
    } catch (JOSEException e) {
      throw DomainException.unauthenticated("bearer token cannot be verified");
    }
  }

  private Set<String> roles(JWTClaimsSet claims) {
    Object value = claims.getClaim(rolesClaim);
    Set<String> roles = new HashSet<>();
    if (value instanceof Collection<?> list) {
      list.forEach(r -> roles.add(String.valueOf(r)));
    } else if (value instanceof String text) {
      roles.addAll(List.of(text.split(" ")));
    }
    return roles;
  }
}
