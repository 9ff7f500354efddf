package io.fitmesh.promo.domain;

import static java.util.Objects.requireNonNull;

import io.fitmesh.platform.cache.ExpiringCache;
import io.fitmesh.platform.errors.DomainException;
import io.fitmesh.platform.limits.Texts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Campaigns as admins make them (every call needs the admin role, checked by the caller of this class), and the
 * running ones as offers need them: read from the store at most every {@code refresh}, so a new or ended campaign
 * shows within that time on every instance.
 */
public final class Campaigns {
  public static final int MAX_CAMPAIGNS = 10_000;
  private static final String ALL = "all";
  private static final Pattern SKU = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
  private static final Set<String> REGIONS = Set.copyOf(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2));
  private static final Set<String> SPORTS = Set.of("RUN", "RIDE", "WALK", "HIKE", "SWIM", "VIRTUAL_RIDE", "OTHER");

  private final CampaignStore store;
  private final Spend spend;
  private final Clock clock;
  private final ExpiringCache<String, List<Campaign>> cached;

  /** A page of campaigns, newest first, with the offers each has shown. */
  public record Page(List<Campaign> campaigns, List<Long> spent, String nextPageToken) {}

  public Campaigns(CampaignStore store, Spend spend, Clock clock, Duration refresh) {
    this.store = requireNonNull(store, "store");
    this.spend = requireNonNull(spend, "spend");
    this.clock = requireNonNull(clock, "clock");
    this.cached = new ExpiringCache<>(requireNonNull(refresh, "refresh"), 1, clock);
  }

  /** Creates a campaign; the same admin's same request id again returns the first campaign. */
  public Campaign create(Campaign draft, String requestId, String adminId) {
    Instant now = clock.instant();
    Campaign checked = checked(draft, now);
    String request = requestId == null || requestId.isBlank() ? checked.campaignId()
        : adminId + "/" + Texts.checkId("request_id", requestId);
    if (store.all().stream().filter(c -> !c.ended() && c.endsAt().isAfter(now)).count() >= MAX_CAMPAIGNS) {
      throw DomainException.failedPrecondition("at most " + MAX_CAMPAIGNS + " campaigns running or to come");
    }
    Campaign created = store.create(checked, request);
    cached.invalidate(ALL);
    return created;
  }

  public Page list(int pageSize, String pageToken) {
    int size = pageSize == 0 ? 50 : pageSize;
    if (size < 1 || size > 100) {
      throw DomainException.invalidArgument("page_size", "page_size must be 1..100");
    }
    int from;
    try {
      from = pageToken == null || pageToken.isEmpty() ? 0 : Integer.parseInt(pageToken);
    } catch (NumberFormatException e) {
      throw DomainException.invalidArgument("page_token", "page_token is not one this API gave");
    }
    List<Campaign> all = store.all().stream()
        .sorted(Comparator.comparing(Campaign::createdAt).reversed().thenComparing(Campaign::campaignId)).toList();
    if (from < 0 || from > all.size()) {
      throw DomainException.invalidArgument("page_token", "page_token is not one this API gave");
    }
    List<Campaign> page = all.subList(from, Math.min(all.size(), from + size));
    return new Page(page, page.stream().map(c -> spend.spent(c.campaignId())).toList(),
        from + size < all.size() ? Integer.toString(from + size) : "");
  }

  public Campaign end(String campaignId) {
    Campaign campaign = store.get(Texts.checkId("campaign_id", campaignId))
        .orElseThrow(() -> DomainException.notFound("no campaign " + campaignId));
    if (!campaign.ended()) {
      campaign = campaign.endedNow();
      store.update(campaign);
      cached.invalidate(ALL);
    }
    return campaign;
  }

  public long spent(String campaignId) {
    return spend.spent(campaignId);
  }

  /** The campaigns running now, as read at most {@code refresh} ago. */
  public List<Campaign> running() {
    Instant now = clock.instant();
    return cached.get(ALL, all -> store.all()).stream().filter(c -> c.runningAt(now)).toList();
  }

  private static Campaign checked(Campaign c, Instant now) {
    String title = Texts.check("campaign.title", c.title(), 80).strip();
    if (Texts.isBlank(title)) {
      throw DomainException.invalidArgument("campaign.title", "a campaign needs a title");
    }
    Set<String> regions = new HashSet<>();
    for (String region : c.regions()) {
      String code = region == null ? "" : region.strip().toUpperCase(Locale.ROOT);
      if (!REGIONS.contains(code)) {
        throw DomainException.invalidArgument("campaign.regions", "regions are ISO 3166-1 alpha-2 codes such as DE");
      }
      regions.add(code);
    }
    if (regions.isEmpty() || regions.size() > 250) {
      throw DomainException.invalidArgument("campaign.regions", "a campaign needs 1..250 regions");
    }
    if (!SPORTS.containsAll(c.sports())) {
      throw DomainException.invalidArgument("campaign.sports", "sports must be named sports");
    }
    if (c.audience() == null) {
      throw DomainException.invalidArgument("campaign.audience", "a campaign needs an audience");
    }
    if (c.skus().isEmpty() || c.skus().size() > 20 || !c.skus().stream().allMatch(s -> s != null && SKU.matcher(s).matches())) {
      throw DomainException.invalidArgument("campaign.skus", "a campaign has 1..20 SKUs of 1..64 [A-Za-z0-9_.-]");
    }
    check(c.discountPercent() >= 1 && c.discountPercent() <= 90, "campaign.discount_percent",
        "discount_percent must be 1..90");
    check(c.startsAt() != null && c.endsAt() != null && c.endsAt().isAfter(c.startsAt())
        && !c.endsAt().isAfter(c.startsAt().plus(Duration.ofDays(366))) && c.endsAt().isAfter(now)
        && !c.startsAt().isAfter(now.plus(Duration.ofDays(366))),
        "campaign.ends_at", "starts_at is within a year from now; ends_at after starts_at and now, at most a year "
            + "after starts_at");
    check(c.frequencyCap() >= 1 && c.frequencyCap() <= 100, "campaign.frequency_cap", "frequency_cap must be 1..100");
    check(c.frequencyWindowDays() >= 1 && c.frequencyWindowDays() <= 90, "campaign.frequency_window_days",
        "frequency_window_days must be 1..90");
    check(c.budget() >= 1 && c.budget() <= 100_000_000, "campaign.budget", "budget must be 1..100,000,000 offers");
    return new Campaign(UUID.randomUUID().toString(), title, regions, c.sports(), c.audience(),
        List.copyOf(new java.util.LinkedHashSet<>(c.skus())), c.discountPercent(), c.startsAt(), c.endsAt(),
        c.frequencyCap(), c.frequencyWindowDays(), c.budget(), false, now);
  }

  private static void check(boolean ok, String field, String message) {
    if (!ok) {
      throw DomainException.invalidArgument(field, message);
    }
  }
}
