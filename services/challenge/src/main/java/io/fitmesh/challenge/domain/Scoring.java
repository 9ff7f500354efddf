package io.fitmesh.challenge.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.OptionalDouble;

/** How workouts become a score: pure functions of the challenge and the server-side summaries. */
public final class Scoring {
  private Scoring() {}

  /**
   * What a workout is worth in a challenge (metres, seconds, metres, 1, or its effort's seconds); empty when it
   * cannot count there (a fastest-effort challenge over a distance the workout does not cover).
   */
  public static OptionalDouble valueOf(Challenge challenge, FinishedWorkout workout) {
    return switch (challenge.goalKind()) {
      case TOTAL_DISTANCE -> OptionalDouble.of(workout.distanceM());
      case TOTAL_MOVING_TIME -> OptionalDouble.of(workout.movingS());
      case TOTAL_ELEVATION_GAIN -> OptionalDouble.of(workout.elevationGainM());
      case WORKOUT_COUNT -> OptionalDouble.of(1);
      case FASTEST_EFFORT -> {
        Double seconds = workout.bestEffortsS().get(challenge.effortDistanceM());
        yield seconds == null ? OptionalDouble.empty() : OptionalDouble.of(seconds);
      }
    };
  }

  /**
   * The score of the counted contributions. Sums are reached when the last counted workout ended; a fastest
   * effort when its workout ended (the earlier of equal efforts). Nothing counted: 0 at {@code joinTime}.
   */
  public static Score score(GoalKind kind, Collection<Contribution> contributions, Instant joinTime) {
    var counted = contributions.stream().filter(Contribution::counted).toList();
    if (counted.isEmpty()) {
      return Score.none(joinTime);
    }
    if (kind.lowerIsBetter()) {
      Optional<Contribution> best = counted.stream().min(Comparator.comparingDouble(Contribution::value)
          .thenComparing(Contribution::endTime));
      return new Score(best.orElseThrow().value(), best.orElseThrow().endTime(), counted.size());
    }
    double sum = 0;
    Instant last = Instant.MIN;
    for (Contribution c : counted) {
      sum += c.value();
      last = c.endTime().isAfter(last) ? c.endTime() : last;
    }
    return new Score(sum, last, counted.size());
  }

  /** Metres of the counted workouts, whatever the goal kind. */
  public static double countedDistanceM(Collection<Contribution> contributions) {
    return contributions.stream().filter(Contribution::counted).mapToDouble(Contribution::distanceM).sum();
  }

  /** True once the score reaches a goal (a ranking-only challenge has none). */
  public static boolean goalReached(Challenge challenge, Score score) {
    if (challenge.goalKind().lowerIsBetter() || challenge.goalTarget() <= 0) {
      return false;
    }
    return score.value() >= challenge.goalTarget();
  }
}
