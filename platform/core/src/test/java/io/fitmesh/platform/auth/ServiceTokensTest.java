package io.fitmesh.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fitmesh.platform.errors.DomainException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServiceTokensTest {
  private static final String SECRET = "a-service-secret-of-32-characters";
  private final Instant now = Instant.parse("2026-11-26T10:00:00Z");
  private final ServiceTokens tokens = new ServiceTokens(SECRET, Duration.ofSeconds(30), Clock.fixed(now, ZoneOffset.UTC));

  @Test
  void aTokenForOneService_carriesTheCaller_andIsNoGoodOnAnother() {
    String token = tokens.mint(new VerifiedToken("ana", Set.of("fitmesh-admin")), "training");

    assertThat(tokens.verify(token, "training")).isEqualTo(new VerifiedToken("ana", Set.of("fitmesh-admin")));
    assertThatThrownBy(() -> tokens.verify(token, "telemetry")).isInstanceOf(DomainException.class);
  }

  @Test
  void aServiceTokenLivesAMinute() {
    String token = tokens.mint(new VerifiedToken("ana", Set.of()), "training");
    ServiceTokens later = new ServiceTokens(SECRET, Duration.ofSeconds(30),
        Clock.fixed(now.plus(Duration.ofMinutes(2)), ZoneOffset.UTC));

    assertThatThrownBy(() -> later.verify(token, "training")).hasMessage("bearer token has expired");
  }

  @Test
  void aClientToken_isNoServiceToken() {
    String client = new DevTokens("a-dev-secret-of-32-characters!!!", Duration.ofSeconds(30), Duration.ofHours(1),
        Clock.fixed(now, ZoneOffset.UTC)).mint("ana", Duration.ofMinutes(5));

    assertThatThrownBy(() -> tokens.verify(client, "training")).isInstanceOf(DomainException.class);
  }
}
