package io.fitmesh.reco.domain;

import java.util.List;

/**
 * Publishes reco.feedback (shown, accepted, dismissed; the items of one screen in one event) so a model can learn
 * later; best effort, never waits.
 */
public interface FeedbackEvents {
  void publish(String athleteId, List<String> recommendationIds, FeedbackKind kind);
}
