package io.fitmesh.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.fitmesh.platform.errors.DomainException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** OpenID Connect access tokens against a local identity provider whose JWKS rotates keys. */
class OidcTokensTest {
  private static final String ISSUER = "https://id.example.test/realms/fitmesh";
  private static final String AUDIENCE = "fitmesh-api";
  private final AtomicReference<JWKSet> published = new AtomicReference<>();
  private final AtomicInteger fetches = new AtomicInteger();
  private HttpServer provider;
  private OidcTokens tokens;
  private RSAKey rsa;
  private ECKey ec;

  @BeforeEach
  void startProvider() throws Exception {
    rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
    ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
    published.set(new JWKSet(List.<JWK>of(rsa.toPublicJWK(), ec.toPublicJWK())));
    provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    provider.createContext("/jwks", exchange -> {
      fetches.incrementAndGet();
      byte[] body = published.get().toString().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("content-type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    provider.start();
    tokens = new OidcTokens(ISSUER, AUDIENCE, URI.create("http://127.0.0.1:" + provider.getAddress().getPort() + "/jwks"),
        "roles", Duration.ofSeconds(30), Duration.ofHours(24), Clock.systemUTC());
  }

  @AfterEach
  void stopProvider() {
    tokens.close();
    provider.stop(0);
  }

  private static JWTClaimsSet.Builder claims(Instant issued, Duration ttl) {
    return new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject("ana")
        .issueTime(Date.from(issued)).expirationTime(Date.from(issued.plus(ttl)));
  }

  private static String sign(JWK key, JWSAlgorithm alg, JWTClaimsSet claims) throws Exception {
    JWSSigner signer = key instanceof RSAKey r ? new RSASSASigner(r) : new ECDSASigner((ECKey) key);
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
        claims);
    jwt.sign(signer);
    return jwt.serialize();
  }

  @Test
  void rs256AndEs256Tokens_ofTheProvider_verify() throws Exception {
    Instant now = Instant.now();

    assertThat(tokens.verify(sign(rsa, JWSAlgorithm.RS256, claims(now, Duration.ofHours(1)).build())).athleteId())
        .isEqualTo("ana");
    assertThat(tokens.verify(sign(ec, JWSAlgorithm.ES256, claims(now, Duration.ofHours(1))
        .claim("roles", List.of("fitmesh-admin")).build())).roles()).containsExactly("fitmesh-admin");
  }

  @Test
  void aRotatedKey_verifiesWithoutARestart() throws Exception {
    Instant now = Instant.now();
    tokens.verify(sign(rsa, JWSAlgorithm.RS256, claims(now, Duration.ofHours(1)).build()));
    RSAKey rotated = new RSAKeyGenerator(2048).keyID("rsa-2").generate();
    published.set(new JWKSet(List.<JWK>of(rotated.toPublicJWK(), ec.toPublicJWK())));

    VerifiedToken caller = tokens.verify(sign(rotated, JWSAlgorithm.RS256, claims(now, Duration.ofHours(1)).build()));

    assertThat(caller.athleteId()).isEqualTo("ana");
    assertThat(fetches.get()).as("the unknown key id made it fetch the keys again").isEqualTo(2);
  }

  @Test
  void tokensWithTheWrongIssuerAudienceTimesOrKey_areRefused() throws Exception {
    Instant now = Instant.now();
    RSAKey stranger = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
    String[] refused = {
        sign(rsa, JWSAlgorithm.RS256, claims(now, Duration.ofHours(1)).issuer("https://evil.test").build()),
        sign(rsa, JWSAlgorithm.RS256, claims(now, Duration.ofHours(1)).audience("another-app").build()),
        sign(rsa, JWSAlgorithm.RS256, claims(now.minus(Duration.ofHours(2)), Duration.ofHours(1)).build()),
        sign(rsa, JWSAlgorithm.RS256, claims(now, Duration.ofHours(1)).notBeforeTime(Date.from(now.plusSeconds(600))).build()),
        sign(rsa, JWSAlgorithm.RS256, claims(now.plusSeconds(600), Duration.ofHours(1)).build()),
        sign(rsa, JWSAlgorithm.RS256, claims(now, Duration.ofDays(3)).build()),
        sign(stranger, JWSAlgorithm.RS256, claims(now, Duration.ofHours(1)).build()),
        hs256(claims(now, Duration.ofHours(1)).build())};
    for (String token : refused) {
      assertThatThrownBy(() -> tokens.verify(token)).isInstanceOfSatisfying(DomainException.class,
          e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.UNAUTHENTICATED));
    }
  }

  private static String hs256(JWTClaimsSet claims) throws Exception {
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    jwt.sign(new MACSigner("a-guessed-secret-of-32-characters!".getBytes(StandardCharsets.UTF_8)));
    return jwt.serialize();
  }

  @Test
  void whileTheProviderIsDown_knownKeysStillVerify() throws Exception {
    Instant now = Instant.now();
    tokens.verify(sign(rsa, JWSAlgorithm.RS256, claims(now, Duration.ofHours(1)).build()));
    provider.stop(0);

    assertThat(tokens.verify(sign(ec, JWSAlgorithm.ES256, claims(now, Duration.ofHours(1)).build())).athleteId())
        .isEqualTo("ana");
  }
}
