package io.fitmesh.reco.domain;

import java.time.Duration;
import java.util.Set;

/** Recommendations an athlete hid, each for a while. */
public interface Dismissals {
  void dismiss(String athleteId, String recommendationId, Duration hideFor);

  /** The ids hidden now. */
  Set<String> hidden(String athleteId);
}
