package io.fitmesh.challenge.adapters;

import io.fitmesh.challenge.domain.Leaderboard;
import io.fitmesh.platform.storage.RedisClientFactory;
import io.fitmesh.testkit.RealInfra;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.redisson.api.RedissonClient;

/** The board contract against a real Redis. */
@ExtendWith(RealInfra.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisLeaderboardTest extends LeaderboardContract {
  private RedissonClient redis;
  private RedissonClient otherRedis;
  private RedisLeaderboard board;
  private RedisLeaderboard other;

  @BeforeAll
  void connect() throws Exception {
    RealInfra.ensureUp();
    redis = RedisClientFactory.connect(RealInfra.config().redis());
    board = new RedisLeaderboard(redis);
    otherRedis = RedisClientFactory.connect(RealInfra.config().redis());
    other = new RedisLeaderboard(otherRedis);
  }

  @AfterAll
  void close() {
    redis.shutdown();
    otherRedis.shutdown();
  }

  @Override
  Leaderboard otherInstance() {
    return other;
  }

  @Override
  Leaderboard board() {
    return board;
  }
}
