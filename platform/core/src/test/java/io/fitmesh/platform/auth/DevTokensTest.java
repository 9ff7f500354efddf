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

class DevTokensTest {
  private static final String SECRET = "a-test-secret-of-32-characters!!";
  private final Instant now = Instant.parse("2026-11-26T10:00:00Z");
  private final DevTokens tokens = at(now);

  private static DevTokens at(Instant instant) {
    return new DevTokens(SECRET, Duration.ofSeconds(30), Duration.ofHours(24), Clock.fixed(instant, ZoneOffset.UTC));
  }

  @Test
  void mintedToken_verifiesToItsAthleteAndRoles() {
    VerifiedToken caller = tokens.verify(tokens.mint("athlete-42", Duration.ofHours(1), VerifiedToken.ADMIN));

    assertThat(caller.athleteId()).isEqualTo("athlete-42");
    assertThat(caller.roles()).containsExactly(VerifiedToken.ADMIN);
  }

  @Test
  void expiredToken_isRefused_butAFewSecondsOfClockSkewAreForgiven() {
    String token = tokens.mint("athlete-42", Duration.ofMinutes(5));

    assertThat(at(now.plusSeconds(320)).verify(token).athleteId()).isEqualTo("athlete-42");
    assertThatThrownBy(() -> at(now.plusSeconds(340)).verify(token)).isInstanceOf(DomainException.class)
        .hasMessage("bearer token has expired");
  }

  @Test
  void aTokenIssuedInTheFuture_isRefused() {
    String fromTheFuture = at(now.plus(Duration.ofHours(1))).mint("athlete-42", Duration.ofHours(2));

    assertThatThrownBy(() -> tokens.verify(fromTheFuture)).hasMessageContaining("issued in the future");
  }

  @Test
  void aLifetimeBeyondTheMaximum_isNeitherMintedNorAccepted() {
    DevTokens longLived = new DevTokens(SECRET, Duration.ofSeconds(30), Duration.ofDays(60),
        Clock.fixed(now, ZoneOffset.UTC));
    String monthLong = longLived.mint("athlete-42", Duration.ofDays(30));

    assertThatThrownBy(() -> tokens.verify(monthLong)).hasMessageContaining("lives longer than 24 h");
    assertThatThrownBy(() -> tokens.mint("athlete-42", Duration.ofDays(30))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void tokenWithAChangedSubject_failsTheSignature() {
    String[] parts = tokens.mint("athlete-42", Duration.ofHours(1)).split("\\.");
    String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
        .replace("athlete-42", "athlete-43");
    String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
        .encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

    assertThatThrownBy(() -> tokens.verify(tampered)).isInstanceOf(DomainException.class)
        .hasMessageContaining("signature");
  }

  @Test
  void unsignedAlgNoneToken_isRefused() {
    String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
    String claims = tokens.mint("athlete-42", Duration.ofHours(1)).split("\\.")[1];

    assertThatThrownBy(() -> tokens.verify(header + "." + claims + ".")).isInstanceOf(DomainException.class);
  }

  @Test
  void aServiceToken_isNoClientToken() {
    String serviceToken = new ServiceTokens(SECRET, Duration.ofSeconds(30), Clock.fixed(now, ZoneOffset.UTC))
        .mint(new VerifiedToken("athlete-42", java.util.Set.of()), "training");

    assertThatThrownBy(() -> tokens.verify(serviceToken)).isInstanceOf(DomainException.class);
  }

  @Test
  void garbage_isRefusedAsMalformed() {
    assertThatThrownBy(() -> tokens.verify("not-a-token")).hasMessage("malformed bearer token");
    assertThatThrownBy(() -> tokens.verify(null)).hasMessage("malformed bearer token");
  }

  @Test
  void aSecretShorterThan32Bytes_isRefused() {
    assertThatThrownBy(() -> new DevTokens("sixteen-chars!!!", Duration.ofSeconds(30), Duration.ofHours(1),
        Clock.systemUTC())).hasMessageContaining("32 bytes");
  }
}
