package io.fitmesh.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fitmesh.platform.errors.DomainException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class JwtTokensTest {
  private static final String SECRET = "a-test-secret-of-32-characters!!";
  private final Instant now = Instant.parse("2026-11-26T10:00:00Z");
  private final JwtTokens tokens = new JwtTokens(SECRET, Clock.fixed(now, ZoneOffset.UTC));

  @Test
  void mintedToken_verifiesToItsAthlete() {
    assertThat(tokens.verify(tokens.mint("athlete-42", Duration.ofHours(1)))).isEqualTo("athlete-42");
  }

  @Test
  void expiredToken_isRefused() {
    String token = tokens.mint("athlete-42", Duration.ofMinutes(5));
    JwtTokens later = new JwtTokens(SECRET, Clock.fixed(now.plusSeconds(301), ZoneOffset.UTC));

    assertThatThrownBy(() -> later.verify(token)).isInstanceOf(DomainException.class).hasMessage("bearer token has expired");
  }

  @Test
  void tokenWithAChangedSubject_failsTheSignature() {
    String[] parts = tokens.mint("athlete-42", Duration.ofHours(1)).split("\\.");
    String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
        .replace("athlete-42", "athlete-43");
    String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
        .encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

    assertThatThrownBy(() -> tokens.verify(tampered)).hasMessage("bearer token signature does not match");
  }

  @Test
  void unsignedAlgNoneToken_isRefused() {
    String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
    String claims = tokens.mint("athlete-42", Duration.ofHours(1)).split("\\.")[1];

    assertThatThrownBy(() -> tokens.verify(header + "." + claims + ".")).isInstanceOf(DomainException.class);
  }

  @Test
  void garbage_isRefusedAsMalformed() {
    assertThatThrownBy(() -> tokens.verify("not-a-token")).hasMessage("malformed bearer token");
    assertThatThrownBy(() -> tokens.verify(null)).hasMessage("malformed bearer token");
  }

  @Test
  void shortSecret_isRefusedAtConstruction() {
    assertThatThrownBy(() -> new JwtTokens("short", Clock.systemUTC())).hasMessageContaining("16 characters");
  }
}
