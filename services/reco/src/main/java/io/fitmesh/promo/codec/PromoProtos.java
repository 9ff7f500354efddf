package io.fitmesh.promo.codec;

import io.fitmesh.common.v1.Sport;
import io.fitmesh.promo.domain.AthleteFacts;
import io.fitmesh.promo.domain.Audience;
import io.fitmesh.promo.domain.Campaign;
import io.fitmesh.promo.domain.Offer;
import io.fitmesh.platform.grpc.ProtoTime;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Promo protos to and from the promo domain. Sports travel as their names without the SPORT_ prefix. */
public final class PromoProtos {
  private PromoProtos() {}

  /** A campaign as an admin asked for it; unknown enum values become null for the use case to refuse. */
  public static Campaign fromProto(io.fitmesh.promo.v1.Campaign c) {
    Set<String> sports = new HashSet<>();
    c.getSportsList().forEach(s -> sports.add(sport(s)));
    return new Campaign(c.getCampaignId(), c.getTitle(), new HashSet<>(c.getRegionsList()), sports,
        audience(c.getAudience()), c.getSkusList(), c.getDiscountPercent(),
        ProtoTime.toInstant(c.getStartsAt()), ProtoTime.toInstant(c.getEndsAt()),
        c.getFrequencyCap(), c.getFrequencyWindowDays(), c.getBudget(), false, Instant.EPOCH);
  }

  public static io.fitmesh.promo.v1.Campaign toProto(Campaign c, long spent) {
    io.fitmesh.promo.v1.Campaign.Builder b = io.fitmesh.promo.v1.Campaign.newBuilder()
        .setCampaignId(c.campaignId())
        .setTitle(c.title())
        .addAllRegions(c.regions().stream().sorted().toList())
        .setAudience(io.fitmesh.promo.v1.Audience.valueOf("AUDIENCE_" + c.audience().name()))
        .addAllSkus(c.skus())
        .setDiscountPercent(c.discountPercent())
        .setStartsAt(ProtoTime.toTimestamp(c.startsAt()))
        .setEndsAt(ProtoTime.toTimestamp(c.endsAt()))
        .setFrequencyCap(c.frequencyCap())
        .setFrequencyWindowDays(c.frequencyWindowDays())
        .setBudget(c.budget())
        .setSpent(spent)
        .setEnded(c.ended());
    c.sports().stream().sorted().forEach(s -> b.addSports(Sport.valueOf("SPORT_" + s)));
    return b.build();
  }

  public static AthleteFacts fromProto(io.fitmesh.promo.v1.AthleteFacts f) {
    Set<String> sports = new HashSet<>();
    f.getSportsList().forEach(s -> sports.add(sport(s)));
    List<AthleteFacts.GearDue> due = f.getGearDueList().stream()
        .map(g -> new AthleteFacts.GearDue(sport(g.getSport()), g.getName(), g.getDistanceM(), g.getRetireDistanceM()))
        .toList();
    return new AthleteFacts(f.getRegion(), sports, due, f.getNewAthlete(), f.getJoinedChallenge());
  }

  public static io.fitmesh.promo.v1.Offer toProto(Offer o) {
    return io.fitmesh.promo.v1.Offer.newBuilder()
        .setCampaignId(o.campaignId())
        .setTitle(o.title())
        .setSku(o.sku())
        .setCurrency(o.currency())
        .setPriceMinor(o.priceMinor())
        .setOfferPriceMinor(o.offerPriceMinor())
        .setDiscountPercent(o.discountPercent())
        .setEndsAt(ProtoTime.toTimestamp(o.endsAt()))
        .setBecause(o.because())
        .build();
  }

  private static String sport(Sport sport) {
    return sport == Sport.UNRECOGNIZED || sport == Sport.SPORT_UNSPECIFIED ? "UNSPECIFIED"
        : sport.name().substring("SPORT_".length());
  }

  private static Audience audience(io.fitmesh.promo.v1.Audience audience) {
    return switch (audience) {
      case AUDIENCE_EVERYONE -> Audience.EVERYONE;
      case AUDIENCE_GEAR_DUE -> Audience.GEAR_DUE;
      case AUDIENCE_NEW_ATHLETE -> Audience.NEW_ATHLETE;
      case AUDIENCE_JOINED_CHALLENGE -> Audience.JOINED_CHALLENGE;
      default -> null;
    };
  }


}
