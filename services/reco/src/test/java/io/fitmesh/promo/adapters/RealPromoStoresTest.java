package io.fitmesh.promo.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.datastax.oss.driver.api.core.CqlSession;
import io.fitmesh.platform.config.PlatformConfig;
import io.fitmesh.platform.storage.RedisClientFactory;
import io.fitmesh.promo.domain.Campaign;
import io.fitmesh.promo.domain.CampaignStore;
import io.fitmesh.promo.domain.Spend;
import io.fitmesh.testkit.RealInfra;
import io.fitmesh.testkit.TestKeyspace;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.redisson.api.RedissonClient;

/** The promo stores' contract against a real CQL server and Redis, and a budget that survives a Redis loss. */
@ExtendWith(RealInfra.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealPromoStoresTest extends PromoStoresContract {
  private TestKeyspace schema;
  private CqlSession session;
  private RedissonClient redis;
  private String keyspace;
  private ScyllaCampaignStore campaigns;
  private RedisSpend spend;

  @BeforeAll
  void connectAndMigrate() throws Exception {
    PlatformConfig config = RealInfra.config();
    schema = TestKeyspace.of("promo");
    session = schema.session();
    keyspace = schema.name();
    redis = RedisClientFactory.connect(config.redis());
    campaigns = new ScyllaCampaignStore(session, keyspace);
    spend = new RedisSpend(redis, session, keyspace);
  }

  @AfterAll
  void close() {
    schema.close();
    redis.shutdown();
  }

  @Override
  CampaignStore campaigns() {
    return campaigns;
  }

  @Override
  Spend spend() {
    return spend;
  }

  @Test
  void aSpentBudget_staysSpent_whenRedisLosesItsCount() {
    Campaign c = campaign(2, 5);
    assertThat(spend.reserve(c, "a")).isTrue();
    assertThat(spend.reserve(c, "b")).isTrue();
    await().atMost(Duration.ofSeconds(30)).until(() -> session.execute("SELECT spent FROM " + keyspace
        + ".campaign_spend WHERE campaign_id = '" + c.campaignId() + "'").one() != null && session.execute(
        "SELECT spent FROM " + keyspace + ".campaign_spend WHERE campaign_id = '" + c.campaignId() + "'").one()
        .getLong("spent") == 2);

    redis.getKeys().delete("fitmesh:promo:{" + c.campaignId() + "}:spent");

    assertThat(spend.reserve(c, "c")).isFalse();
    assertThat(spend.spent(c.campaignId())).isEqualTo(2);
  }
}
