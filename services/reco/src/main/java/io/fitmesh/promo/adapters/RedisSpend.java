package io.fitmesh.promo.adapters;

import static java.util.Objects.requireNonNull;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import io.fitmesh.platform.storage.CqlCalls;
import io.fitmesh.promo.domain.Campaign;
import io.fitmesh.promo.domain.Spend;
import java.time.Duration;
import java.util.List;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * Budgets and frequency caps checked and counted in one Redis script per offer: {@code fitmesh:promo:{c}:spent}
 * and {@code fitmesh:promo:{c}:shown:<athlete>} (expiring with the campaign's window, counted from the first offer
 * in it). Each counted offer is also added to the CQL counter {@code campaign_spend}; when Redis has lost the
 * spent key, it is seeded from that counter first, so a Redis loss does not refill a budget (beyond the offers
 * whose counter update was still in flight, or failed and was logged).
 */
public final class RedisSpend implements Spend {
  private static final String RESERVE = """
      local spent = redis.call('GET', KEYS[1])
      if not spent then return -1 end
      if tonumber(spent) >= tonumber(ARGV[1]) then return 0 end
      local shown = tonumber(redis.call('GET', KEYS[2]) or '0')
      if shown >= tonumber(ARGV[2]) then return 0 end
      redis.call('INCR', KEYS[1])
      if redis.call('INCR', KEYS[2]) == 1 then redis.call('PEXPIRE', KEYS[2], ARGV[3]) end
      return 1
      """;

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RedisSpend.class);

  private final RedissonClient redis;
  private final CqlSession session;
  private final PreparedStatement add;
  private final PreparedStatement select;

  public RedisSpend(RedissonClient redis, CqlSession session, String keyspace) {
    this.redis = requireNonNull(redis, "redis");
    this.session = requireNonNull(session, "session");
    add = session.prepare("UPDATE " + keyspace + ".campaign_spend SET spent = spent + 1 WHERE campaign_id = ?");
    select = session.prepare("SELECT spent FROM " + keyspace + ".campaign_spend WHERE campaign_id = ?");
  }

  @Override
  public boolean reserve(Campaign campaign, String athleteId) {
    return CqlCalls.call("offer budgets", () -> {
      String spentKey = "fitmesh:promo:{" + campaign.campaignId() + "}:spent";
      List<Object> keys = List.of(spentKey, "fitmesh:promo:{" + campaign.campaignId() + "}:shown:" + athleteId);
      String window = Long.toString(Duration.ofDays(campaign.frequencyWindowDays()).toMillis());
      Long result = eval(keys, campaign, window);
      if (result == -1) {
        redis.getBucket(spentKey, StringCodec.INSTANCE).setIfAbsent(Long.toString(durable(campaign.campaignId())));
        result = eval(keys, campaign, window);
      }
      if (result == 1) {
        session.executeAsync(add.bind(campaign.campaignId())).whenComplete((done, failure) -> {
          if (failure != null) {
            log.warn("the durable count of campaign {} missed an offer: {}", campaign.campaignId(), failure.toString());
          }
        });
        return true;
      }
      return false;
    });
  }

  @Override
  public long spent(String campaignId) {
    return CqlCalls.call("offer budgets", () -> {
      String live = (String) redis.getBucket("fitmesh:promo:{" + campaignId + "}:spent", StringCodec.INSTANCE).get();
      return live != null ? Long.parseLong(live) : durable(campaignId);
    });
  }

  private Long eval(List<Object> keys, Campaign campaign, String window) {
    return redis.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, RESERVE, RScript.ReturnType.LONG, keys,
        Long.toString(campaign.budget()), Integer.toString(campaign.frequencyCap()), window);
  }

  private long durable(String campaignId) {
    Row row = session.execute(select.bind(campaignId)).one();
    return row == null ? 0 : row.getLong("spent");
  }
}
