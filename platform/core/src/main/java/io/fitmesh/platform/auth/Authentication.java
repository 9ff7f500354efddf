package io.fitmesh.platform.auth;

import static java.util.Objects.requireNonNull;

import io.fitmesh.platform.config.PlatformConfig.AuthSettings;
import java.time.Clock;
import java.util.Optional;

/**
 * How a process checks bearer tokens: client tokens with the identity provider's keys (OIDC) or, in development,
 * with the development secret; service tokens with the services' shared secret.
 */
public final class Authentication implements AutoCloseable {
  private final TokenVerifier clients;
  private final ServiceTokens services;
  private final DevTokens dev;

  private Authentication(TokenVerifier clients, ServiceTokens services, DevTokens dev) {
    this.clients = clients;
    this.services = services;
    this.dev = dev;
  }

  public static Authentication from(AuthSettings settings, Clock clock) {
    requireNonNull(settings, "settings");
    ServiceTokens services = new ServiceTokens(settings.serviceSecret(), settings.clockSkew(), clock);
    if (settings.oidc() != null) {
      return new Authentication(new OidcTokens(settings.oidc().issuer(), settings.oidc().audience(),
          settings.oidc().jwksUrl(), settings.oidc().rolesClaim(), settings.clockSkew(), settings.maxLifetime(), clock),
          services, null);
    }
    DevTokens dev = new DevTokens(settings.devSecret(), settings.clockSkew(), settings.maxLifetime(), clock);
    return new Authentication(dev, services, dev);
  }

  /** Verifies the tokens of mobile and web clients. */
  public TokenVerifier clients() {
    return clients;
  }

  public ServiceTokens services() {
    return services;
  }

  /** Mints client tokens; present only in development (embedded and local mode without OIDC). */
  public Optional<DevTokens> dev() {
    return Optional.ofNullable(dev);
  }

  @Override
  public void close() {
    if (clients instanceof OidcTokens oidc) {
      oidc.close();
    }
  }
}
