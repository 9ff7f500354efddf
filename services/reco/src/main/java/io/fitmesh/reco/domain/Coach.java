package io.fitmesh.reco.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Today's workout and recovery from the athlete's own numbers, each with its reasons. The rules, first match wins:
 * <ol>
 *   <li>no training base (fewer than 3 workouts in 90 days): 30 minutes easy;
 *   <li>acute load above 1.5x chronic: rest when the latest workout ended less than 24 h ago, else recovery;
 *   <li>a hard day today: recovery; yesterday: easy;
 *   <li>acute load above 1.3x chronic: easy;
 *   <li>no hard day for two days and form (chronic - acute) not below -10: long on Saturday and Sunday, else quality;
 *   <li>otherwise easy.
 * </ol>
 * Heart-rate targets are shares of the athlete's max heart rate (recovery 50-60%, easy 60-70%, long 65-75%,
 * quality 80-90%); run paces are multiples of their 5 km pace (from their best efforts, Riegel where needed).
 * Recovery time is 6 h plus 0.4 h per point of the latest workout's load, at most 72 h.
 */
public final class Coach {
  static final double FAST_RATIO = 1.5;
  private static final double HIGH_RATIO = 1.3;
  private static final int MIN_BASE_WORKOUTS = 3;

  private Coach() {}

  public static Load load(AthleteTraining t, LocalDate today) {
    int daysSinceHard = t.lastHardDay().map(d -> (int) ChronoUnit.DAYS.between(d, today)).orElse(-1);
    return new Load(t.acuteLoad(), t.chronicLoad(), t.loadRatio(), t.chronicLoad() - t.acuteLoad(), daysSinceHard);
  }

  public static TodaysWorkout today(AthleteTraining t, Instant now) {
    LocalDate today = now.atZone(t.zone()).toLocalDate();
    Load load = load(t, today);
    Sport sport = t.mainSport();
    List<String> because = new ArrayList<>();
    WorkoutKind kind;
    String ratio = String.format(Locale.ROOT, "acute load %.0f is %.1fx your chronic %.0f", load.acute(), load.ratio(),
        load.chronic());
    int recentWorkouts = t.recentSports().stream().mapToInt(AthleteTraining.SportShare::count).sum();
    boolean noBase = recentWorkouts < MIN_BASE_WORKOUTS;
    if (noBase) {
      kind = WorkoutKind.EASY;
      because.add("only " + recentWorkouts + " workout" + (recentWorkouts == 1 ? "" : "s")
          + " in the last 90 days: build a base with 30 minutes easy");
    } else if (load.ratio() > FAST_RATIO) {
      boolean fresh = t.latest().map(l -> Duration.between(l.end(), now).toHours() < 24).orElse(false);
      kind = fresh ? WorkoutKind.REST : WorkoutKind.RECOVERY;
      because.add(ratio + ": take it easy");
      if (fresh) {
        because.add("your latest workout ended less than 24 hours ago: rest today");
      }
    } else if (load.daysSinceHard() == 0 || load.daysSinceHard() == 1) {
      kind = load.daysSinceHard() == 0 ? WorkoutKind.RECOVERY : WorkoutKind.EASY;
      because.add("your last hard day was " + (load.daysSinceHard() == 0 ? "today" : "yesterday")
          + ": go easy to absorb it");
    } else if (load.ratio() > HIGH_RATIO) {
      kind = WorkoutKind.EASY;
      because.add(ratio + ": keep it easy");
    } else if (load.form() >= -10) {
      DayOfWeek day = today.getDayOfWeek();
      kind = day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY ? WorkoutKind.LONG : WorkoutKind.QUALITY;
      because.add(load.daysSinceHard() < 0 ? "no hard day in the last 6 weeks"
          : "your last hard day was " + load.daysSinceHard() + " days ago");
      because.add(String.format(Locale.ROOT, "your form is %+.0f (chronic %.0f - acute %.0f): ready for %s",
          load.form(), load.chronic(), load.acute(), kind == WorkoutKind.LONG ? "a long session" : "a quality session"));
    } else {
      kind = WorkoutKind.EASY;
      because.add(String.format(Locale.ROOT, "your form is %+.0f: build with an easy session", load.form()));
    }
    int minutes = noBase ? 30 : minutes(kind, load.chronic());
    int[] heartRate = heartRate(kind, t.maxHeartRateBpm());
    if (heartRate[1] > 0) {
      because.add(String.format(Locale.ROOT, "heart rate %d-%d bpm from your max heart rate %.0f bpm", heartRate[0],
          heartRate[1], t.maxHeartRateBpm()));
    }
    int[] pace = sport == Sport.RUN ? pace(kind, t.bestEfforts()) : new int[] {0, 0};
    if (pace[0] > 0) {
      because.add("pace " + clock(pace[0]) + "-" + clock(pace[1]) + " /km from your 5 km pace "
          + clock(fiveKmPace(t.bestEfforts()).orElse(0)) + " /km");
    }
    return new TodaysWorkout("today:" + today + ":" + kind.name().toLowerCase(Locale.ROOT), kind, sport, minutes,
        heartRate[0], heartRate[1], pace[0], pace[1], List.copyOf(because));
  }

  public static Recovery recovery(AthleteTraining t, Instant now) {
    Optional<String> warning = t.loadRatio() > FAST_RATIO
        ? Optional.of(String.format(Locale.ROOT,
            "acute load %.0f is %.1fx your chronic %.0f, above 1.5: injury risk rises, add rest", t.acuteLoad(),
            t.loadRatio(), t.chronicLoad()))
        : Optional.empty();
    if (t.latest().isEmpty()) {
      return new Recovery(0, Optional.empty(), warning, "no workout yet");
    }
    AthleteTraining.LatestWorkout latest = t.latest().get();
    double totalHours = Math.min(72, 6 + 0.4 * latest.load());
    Instant recoveredAt = latest.end().plus(Duration.ofMinutes(Math.round(totalHours * 60)));
    int remaining = (int) Math.ceil(Math.max(0, Duration.between(now, recoveredAt).toMinutes() / 60.0));
    String because = String.format(Locale.ROOT,
        "your latest workout had a load of %.0f: about %.0f hours to recover (6 h + 0.4 h per load point, at most 72)",
        latest.load(), totalHours);
    return new Recovery(remaining, Optional.of(recoveredAt), warning, because);
  }

  private static int minutes(WorkoutKind kind, double chronic) {
    int extra = chronic >= 80 ? 15 : 0;
    return switch (kind) {
      case REST -> 0;
      case RECOVERY -> 30;
      case EASY -> 45 + extra;
      case QUALITY -> 50;
      case LONG -> 90 + 2 * extra;
    };
  }

  private static int[] heartRate(WorkoutKind kind, double maxHeartRate) {
    if (maxHeartRate <= 0 || kind == WorkoutKind.REST) {
      return new int[] {0, 0};
    }
    double[] share = switch (kind) {
      case RECOVERY -> new double[] {0.50, 0.60};
      case EASY -> new double[] {0.60, 0.70};
      case LONG -> new double[] {0.65, 0.75};
      default -> new double[] {0.80, 0.90};
    };
    return new int[] {(int) Math.round(maxHeartRate * share[0]), (int) Math.round(maxHeartRate * share[1])};
  }

  private static int[] pace(WorkoutKind kind, List<BestEffort> efforts) {
    Optional<Double> fiveKm = fiveKmPace(efforts).map(Integer::doubleValue);
    if (fiveKm.isEmpty() || kind == WorkoutKind.REST) {
      return new int[] {0, 0};
    }
    double[] factor = switch (kind) {
      case RECOVERY -> new double[] {1.45, 1.35};
      case EASY -> new double[] {1.32, 1.22};
      case LONG -> new double[] {1.28, 1.18};
      default -> new double[] {1.08, 1.02};
    };
    return new int[] {(int) Math.round(fiveKm.get() * factor[0]), (int) Math.round(fiveKm.get() * factor[1])};
  }

  /** Seconds per km at the athlete's 5 km race time (predicted from their closest best effort). */
  private static Optional<Integer> fiveKmPace(List<BestEffort> efforts) {
    return RacePredictor.predict(efforts, 5000).map(p -> (int) Math.round(p.timeS() / 5));
  }

  static String clock(int seconds) {
    return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
  }
}
