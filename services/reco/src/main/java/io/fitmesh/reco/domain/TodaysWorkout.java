package io.fitmesh.reco.domain;

import java.util.List;

/**
 * What to do today. Heart rates are 0 when the athlete's max heart rate is unknown; paces (seconds per km, slow
 * end first) are 0 when the sport is not running or no best effort is known.
 */
public record TodaysWorkout(
    String id,
    WorkoutKind kind,
    Sport sport,
    int durationMin,
    int heartRateLowBpm,
    int heartRateHighBpm,
    int paceSlowSPerKm,
    int paceFastSPerKm,
    List<String> because) {}
