package io.fitmesh.reco.domain;

/**
 * A piece of an athlete's gear. {@code retireDistanceM} is 0 for gear without one; {@code distanceM} is the sum of
 * the finished workouts counted on it.
 */
public record Gear(
    String gearId,
    String athleteId,
    String name,
    String brand,
    String model,
    Sport sport,
    double retireDistanceM,
    boolean defaultForSport,
    double distanceM,
    boolean retired) {

  /** Near its retire distance: 90% of it or more, not retired. */
  public boolean dueForReplacement() {
    return !retired && retireDistanceM > 0 && distanceM >= 0.9 * retireDistanceM;
  }

  public Gear withDistance(double metres) {
    return new Gear(gearId, athleteId, name, brand, model, sport, retireDistanceM, defaultForSport, metres, retired);
  }

  public Gear withDefault(boolean isDefault) {
    return new Gear(gearId, athleteId, name, brand, model, sport, retireDistanceM, isDefault, distanceM, retired);
  }
}
