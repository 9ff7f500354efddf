package io.fitmesh.promo.adapters;

import static java.util.Objects.requireNonNull;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import io.fitmesh.platform.storage.CqlCalls;
import io.fitmesh.promo.domain.Audience;
import io.fitmesh.promo.domain.Campaign;
import io.fitmesh.promo.domain.CampaignStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Campaigns in {@code campaigns}, one partition (shard 0) for all: their number is bounded. A request id is claimed
 * with a lightweight transaction so a retried create makes nothing new.
 */
public final class ScyllaCampaignStore implements CampaignStore {
  private static final String COLUMNS = "campaign_id, title, regions, sports, audience, skus, discount_percent, "
      + "starts_at, ends_at, frequency_cap, frequency_window_days, budget, ended, created_at";

  private final CqlSession session;
  private final PreparedStatement claim;
  private final PreparedStatement upsert;
  private final PreparedStatement select;
  private final PreparedStatement selectAll;

  public ScyllaCampaignStore(CqlSession session, String keyspace) {
    this.session = requireNonNull(session, "session");
    String ks = keyspace + ".";
    claim = session.prepare("INSERT INTO " + ks + "campaign_requests (request_id, campaign_id) VALUES (?, ?) "
        + "IF NOT EXISTS");
    upsert = session.prepare("INSERT INTO " + ks + "campaigns (shard, " + COLUMNS
        + ") VALUES (0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    select = session.prepare("SELECT " + COLUMNS + " FROM " + ks + "campaigns WHERE shard = 0 AND campaign_id = ?");
    selectAll = session.prepare("SELECT " + COLUMNS + " FROM " + ks + "campaigns WHERE shard = 0");
  }

  @Override
  public Campaign create(Campaign campaign, String requestId) {
    return CqlCalls.call("campaigns", () -> {
      Row claimed = session.execute(claim.bind(requestId, campaign.campaignId())).one();
      if (claimed != null && !claimed.getBoolean("[applied]")) {
        String existing = claimed.getString("campaign_id");
        return get(existing).orElseGet(() -> write(campaign.withId(existing)));
      }
      return write(campaign);
    });
  }

  @Override
  public void update(Campaign campaign) {
    CqlCalls.run("campaigns", () -> write(campaign));
  }

  @Override
  public Optional<Campaign> get(String campaignId) {
    return CqlCalls.call("campaigns", () -> Optional.ofNullable(session.execute(select.bind(campaignId)).one())
        .map(ScyllaCampaignStore::campaign));
  }

  @Override
  public List<Campaign> all() {
    return CqlCalls.call("campaigns", () -> {
      List<Campaign> all = new ArrayList<>();
      session.execute(selectAll.bind().setPageSize(1000)).forEach(row -> all.add(campaign(row)));
      return all;
    });
  }

  private Campaign write(Campaign c) {
    session.execute(upsert.bind(c.campaignId(), c.title(), c.regions(), c.sports(), c.audience().name(), c.skus(),
        c.discountPercent(), c.startsAt(), c.endsAt(), c.frequencyCap(), c.frequencyWindowDays(), c.budget(),
        c.ended(), c.createdAt()).setIdempotent(true));
    return c;
  }

  private static Campaign campaign(Row row) {
    return new Campaign(row.getString("campaign_id"), row.getString("title"), row.getSet("regions", String.class),
        row.getSet("sports", String.class), Audience.valueOf(row.getString("audience")),
        row.getList("skus", String.class), row.getInt("discount_percent"), row.getInstant("starts_at"),
        row.getInstant("ends_at"), row.getInt("frequency_cap"), row.getInt("frequency_window_days"),
        row.getLong("budget"), row.getBoolean("ended"), row.getInstant("created_at"));
  }
}
