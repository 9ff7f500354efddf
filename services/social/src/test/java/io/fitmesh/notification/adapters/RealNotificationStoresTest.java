package io.fitmesh.notification.adapters;

import com.datastax.oss.driver.api.core.CqlSession;
import io.fitmesh.notification.domain.Claims;
import io.fitmesh.notification.domain.DeviceStore;
import io.fitmesh.notification.domain.Inbox;
import io.fitmesh.notification.domain.PreferenceStore;
import io.fitmesh.notification.domain.PushQueue;
import io.fitmesh.notification.domain.RateLimits;
import io.fitmesh.platform.config.PlatformConfig;
import io.fitmesh.platform.storage.RedisClientFactory;
import io.fitmesh.testkit.RealInfra;
import io.fitmesh.testkit.TestKeyspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.redisson.api.RedissonClient;

/** The notification stores' contract against a real CQL server and Redis (a fresh keyspace: its own leases). */
@ExtendWith(RealInfra.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealNotificationStoresTest extends NotificationStoresContract {
  private TestKeyspace schema;
  private CqlSession session;
  private RedissonClient redis;
  private String keyspace;
  private ScyllaPushQueue queue;
  private Inbox inbox;
  private PreferenceStore preferences;
  private DeviceStore devices;
  private Claims claims;
  private RateLimits rates;

  @BeforeAll
  void connectAndMigrate() throws Exception {
    PlatformConfig config = RealInfra.config();
    schema = TestKeyspace.of("notification");
    session = schema.session();
    keyspace = schema.name();
    inbox = new ScyllaInbox(session, keyspace);
    preferences = new ScyllaPreferenceStore(session, keyspace);
    devices = new ScyllaDeviceStore(session, keyspace);
    queue = new ScyllaPushQueue(session, keyspace);
    redis = RedisClientFactory.connect(config.redis());
    claims = new RedisClaims(redis);
    rates = new RedisRateLimits(redis);
  }

  @AfterAll
  void close() {
    queue.release();
    schema.close();
    redis.shutdown();
  }

  @Override
  Inbox inbox() {
    return inbox;
  }

  @Override
  PreferenceStore preferences() {
    return preferences;
  }

  @Override
  DeviceStore devices() {
    return devices;
  }

  @Override
  PushQueue queue() {
    return queue;
  }

  @Override
  Claims claims() {
    return claims;
  }

  @Override
  RateLimits rates() {
    return rates;
  }
}
