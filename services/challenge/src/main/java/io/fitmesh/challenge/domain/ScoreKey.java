package io.fitmesh.challenge.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * Folds a score and the time it was reached into one number a sorted set orders by, higher first: equal
 * scores rank by who reached them first. The number is {@code units * 2^25 + (2^25 - 1 - seconds)}, where
 * units are whole metres, seconds or workouts (minus tenths of a second for a fastest effort, so faster is
 * higher) and seconds count from the challenge's start or creation, whichever was first (room for 388 days;
 * a challenge may span {@link #MAX_SPAN}, and workouts that start in the window end within days of it). Both parts stay below 2^53, so a double holds the key exactly and it can be turned back.
 */
public final class ScoreKey {
  static final long TIME_SLOTS = 1L << 25;
  /** Units of a fastest-effort participant without an effort yet: below every real effort. */
  static final long NO_EFFORT = -(1L << 27);
  /** The longest a challenge may run from its start or creation, so that every reached time fits the key. */
  public static final Duration MAX_SPAN = Duration.ofDays(366);

  private ScoreKey() {}

  public static double of(Challenge challenge, Score score) {
    long units = units(challenge.goalKind(), score.value());
    long seconds = Math.max(0, Math.min(TIME_SLOTS - 1,
        Duration.between(origin(challenge), score.reachedTime()).getSeconds()));
    return (double) (units * TIME_SLOTS + (TIME_SLOTS - 1 - seconds));
  }

  /** The score and reached time a key stands for (values rounded as the key holds them). */
  public static Score decode(Challenge challenge, double key) {
    long k = (long) key;
    long units = Math.floorDiv(k, TIME_SLOTS);
    long seconds = TIME_SLOTS - 1 - Math.floorMod(k, TIME_SLOTS);
    Instant reached = origin(challenge).plusSeconds(seconds);
    double value;
    if (challenge.goalKind().lowerIsBetter()) {
      value = units == NO_EFFORT ? 0 : -units / 10.0;
    } else {
      value = units;
    }
    return new Score(value, reached, 0);
  }

  /** Where reached times are counted from: the start or the creation, whichever was first. */
  static Instant origin(Challenge challenge) {
    return challenge.startTime().isBefore(challenge.createTime()) ? challenge.startTime() : challenge.createTime();
  }

  private static long units(GoalKind kind, double value) {
    if (!kind.lowerIsBetter()) {
      return Math.round(value);
    }
    return value <= 0 ? NO_EFFORT : -Math.round(value * 10);
  }
}
