package io.fitmesh.training.analytics.domain;

import io.fitmesh.training.domain.Sport;
import io.fitmesh.training.domain.Summary;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** What analytics keeps of one finished workout. */
public record WorkoutFacts(
    String athleteId,
    String workoutId,
    Sport sport,
    Instant startTime,
    ZoneId timeZone,
    double distanceM,
    double movingS,
    double elevationGainM,
    double load,
    List<Summary.BestEffort> bestEfforts,
    boolean flagged) {}
