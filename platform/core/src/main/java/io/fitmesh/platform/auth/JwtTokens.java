package io.fitmesh.platform.auth;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fitmesh.platform.errors.DomainException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Bearer tokens: compact JWS, HS256, issuer "fitmesh", subject = athlete id, with an expiry. Verification
 * accepts nothing but HS256 with this secret and a live expiry; every failure is UNAUTHENTICATED with a short
 * reason and no token contents.
 */
public final class JwtTokens {
  public static final String ISSUER = "fitmesh";
  private static final Pattern ATHLETE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final String HEADER = base64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
  private static final ObjectMapper JSON = new ObjectMapper();

  private final byte[] secret;
  private final Clock clock;

  public JwtTokens(String secret, Clock clock) {
    requireNonNull(secret, "secret");
    if (secret.length() < 16) {
      throw new IllegalArgumentException("the token secret must have at least 16 characters");
    }
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
    this.clock = requireNonNull(clock, "clock");
  }

  /** A token for the athlete, valid for {@code ttl}. */
  public String mint(String athleteId, Duration ttl) {
    if (!ATHLETE_ID.matcher(requireNonNull(athleteId, "athleteId")).matches()) {
      throw new IllegalArgumentException("athlete id must be 1..64 characters of [A-Za-z0-9_-]");
    }
    long now = clock.instant().getEpochSecond();
    String claims = JSON.createObjectNode()
        .put("iss", ISSUER)
        .put("sub", athleteId)
        .put("iat", now)
        .put("exp", now + ttl.toSeconds())
        .toString();
    String signingInput = HEADER + "." + base64(claims.getBytes(StandardCharsets.UTF_8));
    return signingInput + "." + base64(sign(signingInput));
  }

  /** The athlete id of a valid token. */
  public String verify(String token) {
    String[] parts = token == null ? new String[0] : token.split("\\.", -1);
    if (parts.length != 3) {
      throw DomainException.unauthenticated("malformed bearer token");
    }
    byte[] expected = sign(parts[0] + "." + parts[1]);
    if (!MessageDigest.isEqual(expected, decode(parts[2]))) {
      throw DomainException.unauthenticated("bearer token signature does not match");
    }
    JsonNode header = parse(parts[0]);
    JsonNode claims = parse(parts[1]);
    if (!"HS256".equals(header.path("alg").asText())) {
      throw DomainException.unauthenticated("bearer token algorithm must be HS256");
    }
    if (!ISSUER.equals(claims.path("iss").asText())) {
      throw DomainException.unauthenticated("bearer token was not issued by fitmesh");
    }
    if (claims.path("exp").asLong(0) <= clock.instant().getEpochSecond()) {
      throw DomainException.unauthenticated("bearer token has expired");
    }
    String athleteId = claims.path("sub").asText("");
    if (!ATHLETE_ID.matcher(athleteId).matches()) {
      throw DomainException.unauthenticated("bearer token has no valid subject");
    }
    return athleteId;
  }

  private byte[] sign(String input) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  private static JsonNode parse(String part) {
    try {
      return JSON.readTree(decode(part));
    } catch (java.io.IOException e) {
      throw DomainException.unauthenticated("malformed bearer token");
    }
  }

  private static byte[] decode(String part) {
    try {
      return Base64.getUrlDecoder().decode(part);
    } catch (IllegalArgumentException e) {
      throw DomainException.unauthenticated("malformed bearer token");
    }
  }

  private static String base64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
