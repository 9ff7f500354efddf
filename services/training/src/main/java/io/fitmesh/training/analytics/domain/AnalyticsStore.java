package io.fitmesh.training.analytics.domain;

import io.fitmesh.training.domain.WorkoutRecord;
import java.util.List;

/**
 * Every finished workout of each athlete, as analytics last heard of it. Writes are idempotent, and a removed
 * workout stays removed: training.completed arriving after its training.deleted (a redelivery, or the two topics
 * out of order) brings nothing back.
 */
public interface AnalyticsStore {

  void upsert(WorkoutRecord finished);

  void remove(String athleteId, String workoutId);

  List<WorkoutRecord> all(String athleteId);
}
