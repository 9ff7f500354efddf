package io.fitmesh.reco.domain;

import java.util.List;

/** Publishes reco.feedback (shown, accepted, dismissed) so a model can learn later; best effort, never blocks. */
public interface FeedbackEvents {
  void publish(String athleteId, List<String> recommendationIds, FeedbackKind kind);
}
