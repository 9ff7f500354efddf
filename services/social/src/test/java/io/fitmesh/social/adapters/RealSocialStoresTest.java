package io.fitmesh.social.adapters;

import com.datastax.oss.driver.api.core.CqlSession;
import io.fitmesh.platform.config.PlatformConfig;
import io.fitmesh.platform.events.OutboxStore;
import io.fitmesh.platform.storage.CqlMigrations;
import io.fitmesh.platform.storage.CqlSessionFactory;
import io.fitmesh.platform.storage.RedisClientFactory;
import io.fitmesh.platform.storage.ScyllaOutboxStore;
import io.fitmesh.social.domain.ActivityStore;
import io.fitmesh.social.domain.GraphStore;
import io.fitmesh.social.domain.ProfileStore;
import io.fitmesh.social.domain.Timelines;
import io.fitmesh.testkit.RealInfra;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.redisson.api.RedissonClient;

/** The social stores' contract against a real CQL server and Redis. */
@ExtendWith(RealInfra.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealSocialStoresTest extends SocialStoresContract {
  private CqlSession session;
  private RedissonClient redis;
  private ScyllaOutboxStore outbox;
  private ScyllaGraphStore graph;
  private ScyllaProfileStore profiles;
  private ScyllaActivityStore activities;
  private RedisTimelines timelines;

  @BeforeAll
  void connectAndMigrate() throws Exception {
    RealInfra.ensureUp();
    PlatformConfig config = RealInfra.config();
    session = CqlSessionFactory.connect(config.cql());
    CqlMigrations schema = CqlMigrations.forService("social").inKeyspace("fitmesh_social_store_test");
    schema.migrate(session, config.cql().replication());
    outbox = new ScyllaOutboxStore(session, schema.keyspace());
    graph = new ScyllaGraphStore(session, schema.keyspace(), outbox);
    profiles = new ScyllaProfileStore(session, schema.keyspace());
    activities = new ScyllaActivityStore(session, schema.keyspace(), outbox);
    redis = RedisClientFactory.connect(config.redis());
    timelines = new RedisTimelines(redis, CAP, Duration.ofMinutes(10));
  }

  @AfterAll
  void close() {
    session.close();
    redis.shutdown();
  }

  @Override
  GraphStore graph() {
    return graph;
  }

  @Override
  ProfileStore profiles() {
    return profiles;
  }

  @Override
  ActivityStore activities() {
    return activities;
  }

  @Override
  Timelines timelines() {
    return timelines;
  }

  @Override
  OutboxStore outbox() {
    return outbox;
  }
}
