package io.fitmesh.training.analytics.domain;

import static java.util.Objects.requireNonNull;

import io.fitmesh.platform.errors.DomainException;
import io.fitmesh.training.domain.Sport;
import io.fitmesh.training.domain.Summary;
import io.fitmesh.training.domain.WorkoutRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * An athlete's aggregates, kept from training.completed and training.deleted (both idempotent: one row per
 * workout) and computed on read, in the athlete's time zone.
 * <ul>
 *   <li>Load of a workout: Banister TRIMP from average heart rate (rest 60, max 190), else moving minutes times
 *       a sport factor.
 *   <li>Acute and chronic load: exponentially weighted 7- and 42-day averages of daily load.
 * </ul>
 */
public final class AnalyticsService {
  private static final int MAX_DAYS = 365;
  /** The least load of a day counted as hard, whatever the chronic load. */
  static final double HARD_DAY_MIN_LOAD = 50;

  private final AnalyticsStore store;
  private final Clock clock;

  public AnalyticsService(AnalyticsStore store, Clock clock) {
    this.store = requireNonNull(store, "store");
    this.clock = requireNonNull(clock, "clock");
  }

  /** Counts a finished workout (again: replays change nothing). */
  public void onCompleted(WorkoutRecord workout) {
    if (workout.summary() != null) {
      store.upsert(workout);
    }
  }

  /** Takes a deleted workout out of the aggregates. */
  public void onDeleted(String athleteId, String workoutId) {
    store.remove(athleteId, workoutId);
  }

  public AthleteStats stats(String athleteId, String timeZone) {
    List<WorkoutFacts> all = facts(athleteId);
    ZoneId zone = zone(timeZone, all);
    LocalDate today = LocalDate.now(clock.withZone(zone));
    LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    return new AthleteStats(
        totals(all, zone, d -> !d.isBefore(monday)),
        totals(all, zone, d -> !d.isBefore(today.withDayOfMonth(1))),
        totals(all, zone, d -> !d.isBefore(today.withDayOfYear(1))),
        totals(all, zone, d -> true));
  }

  public List<DailyLoad> trainingLoad(String athleteId, int days, String timeZone) {
    int count = days == 0 ? 42 : days;
    if (count < 1 || count > MAX_DAYS) {
      throw DomainException.invalidArgument("days", "days must be 1.." + MAX_DAYS + ", got " + days);
    }
    List<WorkoutFacts> all = facts(athleteId);
    return trainingLoad(all, zone(timeZone, all), count);
  }

  private List<DailyLoad> trainingLoad(List<WorkoutFacts> all, ZoneId zone, int count) {
    LocalDate today = LocalDate.now(clock.withZone(zone));
    LocalDate first = today.minusDays(count - 1L);
    LocalDate warmUp = first.minusDays(42 * 3);
    Map<LocalDate, Double> daily = new HashMap<>();
    for (WorkoutFacts f : all) {
      daily.merge(f.startTime().atZone(zone).toLocalDate(), f.load(), Double::sum);
    }
    double acuteAlpha = 1 - Math.exp(-1.0 / 7);
    double chronicAlpha = 1 - Math.exp(-1.0 / 42);
    double acute = 0;
    double chronic = 0;
    List<DailyLoad> result = new ArrayList<>();
    for (LocalDate d = warmUp; !d.isAfter(today); d = d.plusDays(1)) {
      double load = daily.getOrDefault(d, 0.0);
      acute += (load - acute) * acuteAlpha;
      chronic += (load - chronic) * chronicAlpha;
      if (!d.isBefore(first)) {
        result.add(new DailyLoad(d, load, acute, chronic));
      }
    }
    return result;
  }

  /** Records from workouts that are not flagged as implausible. */
  public List<PersonalRecord> records(String athleteId) {
    return records(facts(athleteId));
  }

  /** Load and form today, the latest and last hard workout, recent sports, best efforts now and 90 days ago. */
  public TrainingStatus status(String athleteId, String timeZone) {
    List<WorkoutRecord> workouts = store.all(athleteId);
    List<WorkoutFacts> all = facts(workouts);
    ZoneId zone = zone(timeZone, all);
    List<DailyLoad> days = trainingLoad(all, zone, 43);
    DailyLoad today = days.get(days.size() - 1);
    Optional<LocalDate> lastHard = Optional.empty();
    for (int i = 1; i < days.size(); i++) {
      DailyLoad day = days.get(i);
      if (day.load() >= HARD_DAY_MIN_LOAD && day.load() >= 1.5 * days.get(i - 1).chronic()) {
        lastHard = Optional.of(day.date());
      }
    }
    Instant now = clock.instant();
    Instant ninetyDaysAgo = now.minus(Duration.ofDays(90));
    Map<Sport, TrainingStatus.RecentSport> recent = new EnumMap<>(Sport.class);
    for (WorkoutFacts f : all) {
      if (f.startTime().isAfter(ninetyDaysAgo)) {
        recent.merge(f.sport(), new TrainingStatus.RecentSport(f.sport(), 1, f.distanceM()),
            (a, b) -> new TrainingStatus.RecentSport(a.sport(), a.count() + b.count(), a.distanceM() + b.distanceM()));
      }
    }
    Instant yearAgo = now.minus(Duration.ofDays(365));
    double maxHeartRate = workouts.stream().filter(w -> w.startTime().isAfter(yearAgo) && !w.summary().isFlagged())
        .mapToDouble(w -> w.summary().maxHeartRateBpm()).max().orElse(0);
    Optional<TrainingStatus.Latest> latest = workouts.stream()
        .max(Comparator.comparing(w -> w.summary().endTime()))
        .map(w -> new TrainingStatus.Latest(w.summary().endTime(), load(w.sport(), w.summary()), w.sport()));
    return new TrainingStatus(zone, today.acute(), today.chronic(), all.size(),
        all.stream().map(WorkoutFacts::startTime).min(Comparator.naturalOrder()), latest, lastHard,
        recent.values().stream().sorted(Comparator.comparingInt(TrainingStatus.RecentSport::count).reversed()).toList(),
        maxHeartRate, bestEfforts(all), bestEfforts(all.stream().filter(f -> f.startTime().isBefore(ninetyDaysAgo))
            .toList()));
  }

  private static List<PersonalRecord> bestEfforts(List<WorkoutFacts> facts) {
    return records(facts).stream().filter(r -> r.elapsedS() > 0).toList();
  }

  private static List<PersonalRecord> records(List<WorkoutFacts> facts) {
    List<WorkoutFacts> all = facts.stream().filter(f -> !f.flagged()).toList();
    Map<String, PersonalRecord> best = new HashMap<>();
    for (WorkoutFacts f : all) {
      if (f.sport() == Sport.RUN) {
        for (Summary.BestEffort e : f.bestEfforts()) {
          PersonalRecord current = best.get(e.name());
          if (current == null || e.elapsedS() < current.elapsedS()) {
            best.put(e.name(), new PersonalRecord(e.name(), Sport.RUN, e.elapsedS(), e.distanceM(), f.workoutId()));
          }
        }
      }
    }
    longest(all, Sport.RUN, "Longest run").ifPresent(r -> best.put(r.name(), r));
    longest(all, Sport.RIDE, "Longest ride").ifPresent(r -> best.put(r.name(), r));
    return best.values().stream().sorted(Comparator.comparing(PersonalRecord::distanceM)).toList();
  }

  private List<WorkoutFacts> facts(String athleteId) {
    return facts(store.all(athleteId));
  }

  private static List<WorkoutFacts> facts(List<WorkoutRecord> workouts) {
    return workouts.stream().map(w -> new WorkoutFacts(w.athleteId(), w.workoutId(), w.sport(),
        w.startTime(), w.timeZone(), w.summary().distanceM(), w.summary().movingS(), w.summary().elevationGainM(),
        load(w.sport(), w.summary()), w.summary().bestEfforts(), w.summary().isFlagged())).toList();
  }

  private static java.util.Optional<PersonalRecord> longest(List<WorkoutFacts> all, Sport sport, String name) {
    return all.stream().filter(f -> f.sport() == sport).max(Comparator.comparingDouble(WorkoutFacts::distanceM))
        .map(f -> new PersonalRecord(name, sport, 0, f.distanceM(), f.workoutId()));
  }

  private static List<Totals> totals(List<WorkoutFacts> all, ZoneId zone, Predicate<LocalDate> inPeriod) {
    Map<Sport, Totals> bySport = new EnumMap<>(Sport.class);
    for (WorkoutFacts f : all) {
      if (inPeriod.test(f.startTime().atZone(zone).toLocalDate())) {
        bySport.computeIfAbsent(f.sport(), s -> new Totals(s, 0, 0, 0, 0));
        bySport.computeIfPresent(f.sport(), (s, t) -> t.plus(f));
      }
    }
    return List.copyOf(bySport.values());
  }

  /** The requested zone, else the newest workout's, else UTC. */
  private static ZoneId zone(String timeZone, List<WorkoutFacts> all) {
    if (timeZone != null && !timeZone.isBlank()) {
      try {
        return ZoneId.of(timeZone);
      } catch (DateTimeException e) {
        throw DomainException.invalidArgument("time_zone", "time_zone " + timeZone + " is not an IANA zone");
      }
    }
    return all.stream().max(Comparator.comparing(WorkoutFacts::startTime)).map(WorkoutFacts::timeZone)
        .orElse(ZoneOffset.UTC);
  }

  static double load(Sport sport, Summary s) {
    double minutes = s.movingS() / 60;
    if (s.averageHeartRateBpm() > 0) {
      double reserve = Math.max(0, Math.min(1, (s.averageHeartRateBpm() - 60) / (190 - 60)));
      return minutes * reserve * 0.64 * Math.exp(1.92 * reserve);
    }
    double factor = switch (sport) {
      case RUN -> 1.0;
      case SWIM -> 0.8;
      case RIDE, VIRTUAL_RIDE, HIKE -> 0.6;
      case WALK -> 0.4;
      case OTHER -> 0.5;
    };
    return minutes * factor * 0.8;
  }
}
