package io.fitmesh.reco.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The athlete's recommendations screen; today's workout is absent when the athlete dismissed it. */
public record Screen(
    Optional<TodaysWorkout> today,
    Load load,
    Recovery recovery,
    List<RacePrediction> races,
    List<GearAlert> gearAlerts,
    List<Offer> offers,
    Optional<String> promosUnavailableReason,
    Instant generatedAt) {

  /** Gear near its retire distance, as a recommendation. */
  public record GearAlert(String id, Gear gear, String because) {}
}
