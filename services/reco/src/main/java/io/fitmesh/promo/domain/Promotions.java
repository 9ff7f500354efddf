package io.fitmesh.promo.domain;

import static java.util.Objects.requireNonNull;

import io.fitmesh.platform.errors.DomainException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * An athlete's offers: the running campaigns of their region whose sports and audience fit them (and that they did
 * not dismiss), best discount first; for each, the first of its products that commerce says is in stock there, at
 * the regional price. An offer is counted against the campaign's budget and the athlete's cap only when it is
 * returned. When commerce cannot say, the campaigns it could not price are left out and the answer says why.
 */
public final class Promotions {
  static final int MAX_EXCLUDED = 500;
  private static final int MAX_SKUS = 100;

  private final Campaigns campaigns;
  private final Availability availability;
  private final Spend spend;

  /** The offers, and why some eligible campaigns could not be offered. */
  public record Answer(List<Offer> offers, Optional<String> unavailable) {}

  public Promotions(Campaigns campaigns, Availability availability, Spend spend) {
    this.campaigns = requireNonNull(campaigns, "campaigns");
    this.availability = requireNonNull(availability, "availability");
    this.spend = requireNonNull(spend, "spend");
  }

  /** The offers; the future completes once commerce answered, on the thread that completed its answer. */
  public CompletableFuture<Answer> offers(String athleteId, AthleteFacts facts, Set<String> excluded,
      int maxOffers) {
    return offers(athleteId, facts, excluded, maxOffers, () -> true);
  }

  /**
   * As above; an offer is counted only while {@code stillWanted} says the caller still waits for the answer, so an
   * answer nobody will see spends no budget.
   */
  public CompletableFuture<Answer> offers(String athleteId, AthleteFacts facts, Set<String> excluded,
      int maxOffers, java.util.function.BooleanSupplier stillWanted) {
    int max = maxOffers == 0 ? 3 : maxOffers;
    if (max < 1 || max > 10) {
      throw DomainException.invalidArgument("max_offers", "max_offers must be 1..10");
    }
    if (excluded.size() > MAX_EXCLUDED) {
      throw DomainException.invalidArgument("exclude_campaign_ids", "at most " + MAX_EXCLUDED + " excluded campaigns");
    }
    String region = facts.region() == null ? "" : facts.region().toUpperCase(Locale.ROOT);
    List<Campaign> eligible = campaigns.running().stream()
        .filter(c -> c.regions().contains(region) && !excluded.contains(c.campaignId()) && fits(c, facts))
        .sorted(Comparator.comparingInt(Campaign::discountPercent).reversed().thenComparing(Campaign::campaignId))
        .toList();
    if (eligible.isEmpty()) {
      return CompletableFuture.completedFuture(new Answer(List.of(), Optional.empty()));
    }
    Set<String> skus = new LinkedHashSet<>();
    eligible.forEach(c -> c.skus().forEach(sku -> {
      if (skus.size() < MAX_SKUS) {
        skus.add(sku);
      }
    }));
    return availability.check(region, skus)
        .thenApply(stock -> pick(athleteId, facts, region, eligible, stock, max, stillWanted));
  }

  private Answer pick(String athleteId, AthleteFacts facts, String region, List<Campaign> eligible, Stock stock,
      int max, java.util.function.BooleanSupplier stillWanted) {
    List<Offer> offers = new ArrayList<>();
    boolean missing = false;
    for (Campaign c : eligible) {
      if (offers.size() >= max) {
        break;
      }
      Optional<Stock.Item> item = c.skus().stream().map(stock.items()::get)
          .filter(i -> i != null && i.inStock() && i.priceMinor() > 0).findFirst();
      if (item.isEmpty()) {
        missing |= c.skus().stream().anyMatch(sku -> !stock.items().containsKey(sku));
        continue;
      }
      if (stillWanted.getAsBoolean() && spend.reserve(c, athleteId)) {
        Stock.Item i = item.get();
        offers.add(new Offer(c.campaignId(), c.title(), i.sku(), i.currency(), i.priceMinor(),
            c.offerPrice(i.priceMinor()), c.discountPercent(), c.endsAt(), because(c, facts, region)));
      }
    }
    Optional<String> unavailable = missing ? stock.unavailable().or(() -> Optional.of(
        "the shop of this region does not list some of the products")) : Optional.empty();
    return new Answer(List.copyOf(offers), unavailable);
  }

  private static boolean fits(Campaign c, AthleteFacts facts) {
    boolean sportFits = c.sports().isEmpty() || facts.sports().stream().anyMatch(c.sports()::contains)
        || facts.gearDue().stream().anyMatch(g -> c.sports().contains(g.sport()));
    return sportFits && switch (c.audience()) {
      case EVERYONE -> true;
      case GEAR_DUE -> facts.gearDue().stream().anyMatch(g -> c.sports().isEmpty() || c.sports().contains(g.sport()));
      case NEW_ATHLETE -> facts.newAthlete();
      case JOINED_CHALLENGE -> facts.joinedChallenge();
    };
  }

  private static String because(Campaign c, AthleteFacts facts, String region) {
    return switch (c.audience()) {
      case GEAR_DUE -> facts.gearDue().stream()
          .filter(g -> c.sports().isEmpty() || c.sports().contains(g.sport()))
          .findFirst()
          .map(g -> String.format(Locale.ROOT, "your %s has %.0f km of its %.0f km", g.name(), g.distanceM() / 1000,
              g.retireDistanceM() / 1000))
          .orElse("your gear is due for replacement");
      case NEW_ATHLETE -> "a welcome offer for new athletes";
      case JOINED_CHALLENGE -> "for athletes taking part in challenges";
      case EVERYONE -> "in stock in " + region;
    };
  }
}
