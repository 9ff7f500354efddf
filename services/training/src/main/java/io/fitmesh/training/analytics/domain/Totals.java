package io.fitmesh.training.analytics.domain;

import io.fitmesh.training.domain.Sport;

/** Sums of one sport over one period. */
public record Totals(Sport sport, long count, double distanceM, double movingS, double elevationGainM) {

  Totals plus(WorkoutFacts f) {
    return new Totals(sport, count + 1, distanceM + f.distanceM(), movingS + f.movingS(),
        elevationGainM + f.elevationGainM());
  }
}
