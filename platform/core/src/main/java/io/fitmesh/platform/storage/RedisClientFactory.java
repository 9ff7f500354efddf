package io.fitmesh.platform.storage;

import static java.util.Objects.requireNonNull;

import io.fitmesh.platform.config.PlatformConfig.RedisSettings;
import io.fitmesh.platform.errors.BackendUnreachableException;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

/**
 * Opens Redisson clients. The codec is {@link StringCodec} so what FitMesh writes is readable by redis-cli and
 * other tools (Redisson's default Kryo is not); structured values are encoded by their owners.
 */
public final class RedisClientFactory {
  private RedisClientFactory() {}

  /**
   * Connects to one Redis server (redis://host:port).
   *
   * @throws BackendUnreachableException when it does not answer within the timeout
   */
  public static RedissonClient connect(RedisSettings settings) {
    requireNonNull(settings, "settings");
    int timeoutMillis = (int) settings.timeout().toMillis();
    Config config = new Config();
    config.setCodec(StringCodec.INSTANCE);
    config.useSingleServer()
        .setAddress(settings.address())
        // One retry, soon: a command to a Redis that is down fails within about the timeout, inside a call's
        // deadline, rather than after Redisson's default four retries 1.5 s apart.
        .setConnectTimeout(Math.min(timeoutMillis, 1000))
        .setTimeout(timeoutMillis)
        .setRetryAttempts(1)
        .setRetryInterval(200)
        .setConnectionMinimumIdleSize(2)
        .setConnectionPoolSize(32);
    try {
      return Redisson.create(config);
    } catch (RuntimeException e) {
      throw new BackendUnreachableException("Redis", settings.address(),
          "no answer within " + timeoutMillis + " ms", e);
    }
  }
}
