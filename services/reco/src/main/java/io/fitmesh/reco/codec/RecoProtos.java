package io.fitmesh.reco.codec;

import io.fitmesh.reco.domain.AthleteTraining;
import io.fitmesh.reco.domain.BestEffort;
import io.fitmesh.reco.domain.Gear;
import io.fitmesh.reco.domain.Offer;
import io.fitmesh.reco.domain.PromoFacts;
import io.fitmesh.reco.domain.Screen;
import io.fitmesh.reco.domain.Sport;
import io.fitmesh.reco.v1.Load;
import io.fitmesh.reco.v1.RacePrediction;
import io.fitmesh.reco.v1.RacePredictions;
import io.fitmesh.reco.v1.Recommendations;
import io.fitmesh.reco.v1.Recovery;
import io.fitmesh.reco.v1.TodaysWorkout;
import io.fitmesh.reco.v1.WorkoutKind;
import io.fitmesh.reco.domain.RacePredictor;
import io.fitmesh.training.v1.GetTrainingStatusResponse;
import io.fitmesh.training.v1.PersonalRecord;
import io.fitmesh.platform.grpc.ProtoTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** Reco protos (and the analytics and promo messages reco reads) to and from the reco domain. */
public final class RecoProtos {
  private RecoProtos() {}

  public static Sport sport(io.fitmesh.common.v1.Sport sport) {
    return switch (sport) {
      case SPORT_RUN -> Sport.RUN;
      case SPORT_RIDE -> Sport.RIDE;
      case SPORT_WALK -> Sport.WALK;
      case SPORT_HIKE -> Sport.HIKE;
      case SPORT_SWIM -> Sport.SWIM;
      case SPORT_VIRTUAL_RIDE -> Sport.VIRTUAL_RIDE;
      case SPORT_OTHER -> Sport.OTHER;
      default -> null;
    };
  }

  public static io.fitmesh.common.v1.Sport toProto(Sport sport) {
    return io.fitmesh.common.v1.Sport.valueOf("SPORT_" + sport.name());
  }

  public static AthleteTraining training(GetTrainingStatusResponse r) {
    return new AthleteTraining(
        ZoneId.of(r.getTimeZone().isEmpty() ? "UTC" : r.getTimeZone()),
        r.getAcuteLoad(),
        r.getChronicLoad(),
        (int) r.getWorkoutCount(),
        Optional.ofNullable(ProtoTime.toInstant(r.getFirstWorkoutTime())),
        Optional.ofNullable(ProtoTime.toInstant(r.getLatestWorkoutEnd())).map(end -> new AthleteTraining.LatestWorkout(
            end, r.getLatestWorkoutLoad(), orOther(sport(r.getLatestWorkoutSport())))),
        r.hasLastHardDay() ? Optional.of(LocalDate.of(r.getLastHardDay().getYear(), r.getLastHardDay().getMonth(),
            r.getLastHardDay().getDay())) : Optional.empty(),
        r.getRecentSportsList().stream()
            .map(s -> new AthleteTraining.SportShare(orOther(sport(s.getSport())), (int) s.getCount(), s.getDistanceM()))
            .toList(),
        r.getMaxHeartRateBpm(),
        efforts(r.getBestEffortsList()),
        efforts(r.getBestEfforts90DaysAgoList()),
        r.getChallengesJoined());
  }

  public static io.fitmesh.promo.v1.AthleteFacts toProto(PromoFacts facts) {
    io.fitmesh.promo.v1.AthleteFacts.Builder b = io.fitmesh.promo.v1.AthleteFacts.newBuilder()
        .setRegion(facts.region())
        .setNewAthlete(facts.newAthlete())
        .setJoinedChallenge(facts.joinedChallenge());
    facts.sports().forEach(s -> b.addSports(toProto(s)));
    facts.gearDue().forEach(g -> b.addGearDue(io.fitmesh.promo.v1.GearDue.newBuilder().setSport(toProto(g.sport()))
        .setName(g.name()).setDistanceM(g.distanceM()).setRetireDistanceM(g.retireDistanceM())));
    return b.build();
  }

  public static Offer offer(io.fitmesh.promo.v1.Offer o) {
    return new Offer(o.getCampaignId(), o.getTitle(), o.getSku(), o.getCurrency(), o.getPriceMinor(),
        o.getOfferPriceMinor(), o.getDiscountPercent(), ProtoTime.toInstant(o.getEndsAt()), o.getBecause());
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

  public static io.fitmesh.reco.v1.Gear toProto(Gear g) {
    return io.fitmesh.reco.v1.Gear.newBuilder()
        .setGearId(g.gearId())
        .setName(g.name())
        .setBrand(g.brand())
        .setModel(g.model())
        .setSport(toProto(g.sport()))
        .setRetireDistanceM(g.retireDistanceM())
        .setDefaultForSport(g.defaultForSport())
        .setDistanceM(g.distanceM())
        .setRetired(g.retired())
        .build();
  }

  /** Gear as a client sent it; an unset sport is null for the use case to refuse. */
  public static Gear gear(io.fitmesh.reco.v1.Gear g, String athleteId) {
    return new Gear(g.getGearId(), athleteId, g.getName(), g.getBrand(), g.getModel(), sport(g.getSport()),
        g.getRetireDistanceM(), g.getDefaultForSport(), 0, g.getRetired());
  }

  /** The snake_case field names of a mask (paths may come as lowerCamelCase from JSON). */
  public static java.util.Set<String> fields(com.google.protobuf.FieldMask mask) {
    java.util.Set<String> fields = new java.util.HashSet<>();
    for (String path : mask.getPathsList()) {
      fields.add(path.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT));
    }
    return fields;
  }

  public static Recommendations toProto(Screen s) {
    Recommendations.Builder b = Recommendations.newBuilder()
        .setLoad(Load.newBuilder().setAcute(s.load().acute()).setChronic(s.load().chronic())
            .setRatio(s.load().ratio()).setForm(s.load().form()).setDaysSinceHard(s.load().daysSinceHard()))
        .setRecovery(recovery(s.recovery()))
        .setRaces(RacePredictions.newBuilder().setModel(RacePredictor.MODEL)
            .addAllPredictions(s.races().stream().map(RecoProtos::race).toList()))
        .setGeneratedAt(ProtoTime.toTimestamp(s.generatedAt()));
    s.today().ifPresent(t -> b.setToday(today(t)));
    s.gearAlerts().forEach(a -> b.addGearAlerts(io.fitmesh.reco.v1.GearAlert.newBuilder()
        .setRecommendationId(a.id()).setGear(toProto(a.gear())).setBecause(a.because())));
    s.offers().forEach(o -> b.addOffers(toProto(o)));
    s.promosUnavailableReason().ifPresent(b::setPromosUnavailableReason);
    return b.build();
  }

  private static TodaysWorkout today(io.fitmesh.reco.domain.TodaysWorkout t) {
    return TodaysWorkout.newBuilder()
        .setRecommendationId(t.id())
        .setKind(WorkoutKind.valueOf("WORKOUT_KIND_" + t.kind().name()))
        .setSport(toProto(t.sport()))
        .setDurationMin(t.durationMin())
        .setHeartRateLowBpm(t.heartRateLowBpm())
        .setHeartRateHighBpm(t.heartRateHighBpm())
        .setPaceSlowSPerKm(t.paceSlowSPerKm())
        .setPaceFastSPerKm(t.paceFastSPerKm())
        .addAllBecause(t.because())
        .build();
  }

  private static Recovery recovery(io.fitmesh.reco.domain.Recovery r) {
    Recovery.Builder b = Recovery.newBuilder().setHoursRemaining(r.hoursRemaining()).setBecause(r.because());
    r.recoveredAt().ifPresent(t -> b.setRecoveredAt(ProtoTime.toTimestamp(t)));
    r.warning().ifPresent(b::setWarning);
    return b.build();
  }

  private static RacePrediction race(io.fitmesh.reco.domain.RacePrediction p) {
    return RacePrediction.newBuilder().setRace(p.race()).setDistanceM(p.distanceM()).setTimeS(p.timeS())
        .setFromEffort(p.fromEffort()).setTime90DaysAgoS(p.time90DaysAgoS()).setChangeS(p.changeS()).build();
  }

  private static List<BestEffort> efforts(List<PersonalRecord> records) {
    return records.stream().map(r -> new BestEffort(r.getName(), r.getDistanceM(), r.getElapsedS())).toList();
  }

  private static Sport orOther(Sport sport) {
    return sport == null ? Sport.OTHER : sport;
  }


}
