package io.fitmesh.reco.domain;

/** A predicted race time; {@code time90DaysAgoS} is 0 when there was nothing to predict from then. */
public record RacePrediction(String race, double distanceM, double timeS, String fromEffort, double time90DaysAgoS) {

  /** Seconds faster (negative) or slower than 90 days ago; 0 without an earlier prediction. */
  public double changeS() {
    return time90DaysAgoS > 0 ? timeS - time90DaysAgoS : 0;
  }
}
