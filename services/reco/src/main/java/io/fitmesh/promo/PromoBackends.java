package io.fitmesh.promo;

import io.fitmesh.platform.runtime.PlatformRuntime;
import io.fitmesh.promo.adapters.InMemoryCampaignStore;
import io.fitmesh.promo.adapters.InMemorySpend;
import io.fitmesh.promo.adapters.RedisSpend;
import io.fitmesh.promo.adapters.ScyllaCampaignStore;
import io.fitmesh.promo.domain.CampaignStore;
import io.fitmesh.promo.domain.Spend;

/**
 * The promo service's stores as the runtime's backends make them: campaigns and the durable spend counter in CQL
 * (keyspace fitmesh_promo, schema applied here) with budgets and caps checked in Redis, or the in-memory twins in
 * embedded mode. The one place that picks adapters.
 */
record PromoBackends(CampaignStore campaigns, Spend spend) {

  static PromoBackends open(PlatformRuntime runtime) {
    return runtime.cql().map(session -> {
      String keyspace = runtime.migrateCql(PromoDeployable.NAME);
      Spend spend = runtime.redis().<Spend>map(redis -> new RedisSpend(redis, session, keyspace))
          .orElseGet(() -> new InMemorySpend(runtime.clock()));
      return new PromoBackends(new ScyllaCampaignStore(session, keyspace), spend);
    }).orElseGet(() -> new PromoBackends(new InMemoryCampaignStore(), new InMemorySpend(runtime.clock())));
  }
}
