package io.fitmesh.telemetry.domain;

import java.time.Instant;

/** Where a workout being recorded stands, for live tracking (published as training.updated). */
public record LiveState(
    String workoutId,
    String athleteId,
    long durableThroughSeq,
    Instant sampleTime,
    double distanceM,
    double elapsedS,
    double speedMps,
    Double heartRateBpm,
    Double latitudeDeg,
    Double longitudeDeg) {}
