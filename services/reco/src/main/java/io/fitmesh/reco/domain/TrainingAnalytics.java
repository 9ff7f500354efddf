package io.fitmesh.reco.domain;

/** The analytics service, asked about the athlete the current call is for. */
public interface TrainingAnalytics {
  /** Their training today, days counted in {@code timeZone} (empty: the zone of their newest workout). */
  AthleteTraining training(String timeZone);
}
