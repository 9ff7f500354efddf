package io.fitmesh.training.analytics.domain;

import java.time.Instant;
import java.time.ZoneId;

/** What analytics keeps of a challenge, as challenge.joined carries it. */
public record ChallengeInfo(String challengeId, String creatorId, ZoneId timeZone, Instant startTime,
    Instant endTime) {}
