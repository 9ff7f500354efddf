package io.fitmesh.reco.domain;

import java.util.List;

/** What the promo service is told of the athlete to pick campaigns. */
public record PromoFacts(String region, List<Sport> sports, List<Gear> gearDue, boolean newAthlete,
    boolean joinedChallenge) {}
