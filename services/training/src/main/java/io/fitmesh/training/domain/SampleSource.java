package io.fitmesh.training.domain;

import java.util.List;

/** The stored samples of a workout (the telemetry service), read with the caller's rights. */
public interface SampleSource {

  /** Every stored sample of the workout, in seq order. */
  List<TrackPoint> readAll(String workoutId);

  /** Stores samples of a workout being imported; fails whole (UNAVAILABLE) when it cannot. */
  void write(String workoutId, List<TrackPoint> points);
}
