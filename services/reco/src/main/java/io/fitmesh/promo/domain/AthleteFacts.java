package io.fitmesh.promo.domain;

import java.util.List;
import java.util.Set;

/** What the recommendation service tells promo of the athlete. */
public record AthleteFacts(String region, Set<String> sports, List<GearDue> gearDue, boolean newAthlete,
    boolean joinedChallenge) {

  /** Gear near its retire distance. */
  public record GearDue(String sport, String name, double distanceM, double retireDistanceM) {}
}
