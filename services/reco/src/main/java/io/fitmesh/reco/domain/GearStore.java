package io.fitmesh.reco.domain;

import java.util.List;
import java.util.Optional;

/** Athletes' gear and which workout counted on which gear. */
public interface GearStore {
  /** Stores new gear under the request id; a second call with the same request id returns the first gear. */
  Gear create(Gear gear, String requestId);

  /** Replaces the gear (same athlete and id), all but its distance, which only counting changes. */
  void update(Gear gear);

  /** The athlete's gear, in no particular order. */
  List<Gear> list(String athleteId);

  Optional<Gear> get(String athleteId, String gearId);

  /**
   * Counts the workout's distance on the gear, once (a replay changes nothing), and sets the gear's distance to the
   * sum of its workouts.
   */
  void count(String athleteId, String workoutId, String gearId, double distanceM);

  /** Takes the workout off whatever gear it was counted on, if any. */
  void uncount(String athleteId, String workoutId);
}
