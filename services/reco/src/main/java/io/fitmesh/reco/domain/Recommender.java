package io.fitmesh.reco.domain;

import static java.util.Objects.requireNonNull;

import io.fitmesh.platform.errors.DomainException;
import io.fitmesh.platform.limits.Texts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * The recommendations screen of one athlete: today's workout, load and recovery ({@link Coach}), race predictions
 * ({@link RacePredictor}), gear due for replacement ({@link GearLocker}) and offers (the promo service, told the
 * athlete's region, sports, gear due, and whether they are new or joined a challenge). Dismissed items stay hidden
 * for {@code hideFor}; shown, accepted and dismissed items are published as feedback.
 */
public final class Recommender {
  /** Hidden recommendations an athlete may have at once. */
  public static final int MAX_HIDDEN = 500;
  private static final java.util.regex.Pattern TODAY =
      java.util.regex.Pattern.compile("today:\\d{4}-\\d{2}-\\d{2}:(rest|recovery|easy|quality|long)");
  private static final java.util.regex.Pattern GEAR =
      java.util.regex.Pattern.compile("gear:([A-Za-z0-9_-]{1,40}):replace");
  private static final java.util.regex.Pattern PROMO =
      java.util.regex.Pattern.compile("promo:[A-Za-z0-9_.-]{1,58}");
  private static final Duration NEW_ATHLETE = Duration.ofDays(30);

  private final TrainingAnalytics analytics;
  private final GearLocker gear;
  private final ProfileStore profiles;
  private final Dismissals dismissals;
  private final Offers offers;
  private final FeedbackEvents feedback;
  private final Clock clock;
  private final Duration hideFor;

  public Recommender(TrainingAnalytics analytics, GearLocker gear, ProfileStore profiles, Dismissals dismissals,
      Offers offers, FeedbackEvents feedback, Clock clock, Duration hideFor) {
    this.analytics = requireNonNull(analytics, "analytics");
    this.gear = requireNonNull(gear, "gear");
    this.profiles = requireNonNull(profiles, "profiles");
    this.dismissals = requireNonNull(dismissals, "dismissals");
    this.offers = requireNonNull(offers, "offers");
    this.feedback = requireNonNull(feedback, "feedback");
    this.clock = requireNonNull(clock, "clock");
    this.hideFor = requireNonNull(hideFor, "hideFor");
  }

  /** The screen; the future completes when offers are in (or known to be missing), and fails only on bugs. */
  public CompletableFuture<Screen> screen(String athleteId, String timeZone) {
    AthleteTraining training = analytics.training(timeZone);
    Instant now = clock.instant();
    Set<String> hidden = dismissals.hidden(athleteId);
    Optional<TodaysWorkout> today = Optional.of(Coach.today(training, now)).filter(t -> !hidden.contains(t.id()));
    List<Gear> due = gear.due(athleteId);
    List<Screen.GearAlert> alerts = due.stream()
        .map(g -> new Screen.GearAlert("gear:" + g.gearId() + ":replace", g, String.format(Locale.ROOT,
            "your %s has %.0f km of its %.0f km: replace it soon", g.name(), g.distanceM() / 1000,
            g.retireDistanceM() / 1000)))
        .filter(a -> !hidden.contains(a.id()))
        .toList();
    CompletableFuture<Offers.Answer> answered = profiles.region(athleteId)
        .map(region -> offers.offers(facts(training, region, due, now), hiddenCampaigns(hidden)))
        .orElseGet(() -> CompletableFuture.completedFuture(
            Offers.Answer.none("set your region (PUT /v1/athletes/me/profile) to see offers")));
    return answered.thenApply(answer -> {
      Screen screen = new Screen(today, Coach.load(training, now.atZone(training.zone()).toLocalDate()),
          Coach.recovery(training, now), RacePredictor.predictions(training.bestEfforts(),
              training.bestEfforts90DaysAgo()), alerts, answer.offers(), answer.unavailable(), now);
      List<String> shown = new ArrayList<>();
      today.ifPresent(t -> shown.add(t.id()));
      alerts.forEach(a -> shown.add(a.id()));
      answer.offers().forEach(o -> shown.add(o.recommendationId()));
      feedback.publish(athleteId, shown, FeedbackKind.SHOWN);
      return screen;
    });
  }

  /** Hides the recommendation for a while; idempotent. At most {@link #MAX_HIDDEN} are hidden at once. */
  public void dismiss(String athleteId, String recommendationId) {
    String id = checked(athleteId, recommendationId);
    Set<String> hidden = dismissals.hidden(athleteId);
    if (!hidden.contains(id) && hidden.size() >= MAX_HIDDEN) {
      throw DomainException.failedPrecondition("at most " + MAX_HIDDEN + " recommendations are hidden at once; "
          + "they come back after " + hideFor.toDays() + " days");
    }
    dismissals.dismiss(athleteId, id, hideFor);
    feedback.publish(athleteId, List.of(id), FeedbackKind.DISMISSED);
  }

  public void accept(String athleteId, String recommendationId) {
    feedback.publish(athleteId, List.of(checked(athleteId, recommendationId)), FeedbackKind.ACCEPTED);
  }

  public Optional<String> region(String athleteId) {
    return profiles.region(athleteId);
  }

  /** Sets the athlete's region: an ISO 3166-1 alpha-2 code, any case. */
  public String setRegion(String athleteId, String region) {
    String code = region == null ? "" : region.strip().toUpperCase(Locale.ROOT);
    if (!Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2).contains(code)) {
      throw DomainException.invalidArgument("profile.region",
          "region must be an ISO 3166-1 alpha-2 country code such as DE or US");
    }
    profiles.setRegion(athleteId, code);
    return code;
  }

  private PromoFacts facts(AthleteTraining training, String region, List<Gear> due, Instant now) {
    boolean newAthlete = training.firstWorkout().map(first -> first.isAfter(now.minus(NEW_ATHLETE))).orElse(true);
    return new PromoFacts(region, training.recentSports().stream().map(AthleteTraining.SportShare::sport).toList(),
        due, newAthlete, training.challengesJoined() > 0);
  }

  private static Set<String> hiddenCampaigns(Set<String> hidden) {
    return hidden.stream().filter(id -> id.startsWith("promo:")).map(id -> id.substring("promo:".length()))
        .collect(Collectors.toSet());
  }

  /** An id of the kinds the screen gives; a gear id must be the athlete's own (NOT_FOUND otherwise). */
  private String checked(String athleteId, String recommendationId) {
    String id = Texts.checkId("recommendation_id", recommendationId);
    java.util.regex.Matcher gearId = GEAR.matcher(id);
    if (gearId.matches()) {
      if (gear.list(athleteId).stream().noneMatch(g -> g.gearId().equals(gearId.group(1)))) {
        throw DomainException.notFound("no recommendation " + id);
      }
    } else if (!TODAY.matcher(id).matches() && !PROMO.matcher(id).matches()) {
      throw DomainException.invalidArgument("recommendation_id", "recommendation_id is one given on the "
          + "recommendations screen (today:<date>:<kind>, gear:<gear>:replace, promo:<campaign>)");
    }
    return id;
  }
}
