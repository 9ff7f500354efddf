package io.fitmesh.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fitmesh.platform.config.PlatformConfig.RedisSettings;
import io.fitmesh.platform.errors.BackendUnreachableException;
import io.fitmesh.platform.storage.RedisClientFactory;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.redisson.api.RScoredSortedSet;
import org.redisson.api.RedissonClient;

/** The Redisson factory against a real Redis server. */
@ExtendWith(RealInfra.class)
class RedisClientFactoryTest {

  @Test
  void connect_givesAClientWhoseWritesOtherToolsCanRead() {
    RedissonClient redis = RedisClientFactory.connect(RealInfra.config().redis());
    try {
      String key = "contract:" + UUID.randomUUID();
      RScoredSortedSet<String> board = redis.getScoredSortedSet(key);
      board.add(12.5, "athlete-1");
      board.add(20.0, "athlete-2");

      assertThat(board.revRank("athlete-2")).isZero();
      assertThat(redis.getKeys().getKeysByPattern(key)).containsExactly(key);
      assertThat(redis.<String>getBucket(key + ":plain").trySet("readable")).isTrue();
      assertThat(redis.<String>getBucket(key + ":plain").get()).isEqualTo("readable");
    } finally {
      redis.shutdown();
    }
  }

  @Test
  void connect_toAPortNobodyListensOn_failsWithTheAddressInTheMessage() {
    RedisSettings nowhere = new RedisSettings("redis://127.0.0.1:1", Duration.ofSeconds(1));

    assertThatThrownBy(() -> RedisClientFactory.connect(nowhere))
        .isInstanceOf(BackendUnreachableException.class)
        .hasMessageContaining("Redis at redis://127.0.0.1:1 is unreachable");
  }
}
