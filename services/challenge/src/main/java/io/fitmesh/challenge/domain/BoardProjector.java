package io.fitmesh.challenge.domain;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies challenge.progress to the boards, many events at a time: per challenge, the newest key of each
 * athlete in the batch, one write. Only athletes still on the board are updated, so a late event does not
 * bring back someone who left. Events carry whole scores, so a replay changes nothing.
 */
public final class BoardProjector {
  private final Leaderboard leaderboard;

  public BoardProjector(Leaderboard leaderboard) {
    this.leaderboard = requireNonNull(leaderboard, "leaderboard");
  }

  /** One score change as the event carries it. */
  public record ScoreChange(String challengeId, String athleteId, double key) {}

  public void apply(List<ScoreChange> changes) {
    Map<String, Map<String, Double>> byChallenge = new LinkedHashMap<>();
    for (ScoreChange c : changes) {
      byChallenge.computeIfAbsent(c.challengeId(), id -> new HashMap<>()).put(c.athleteId(), c.key());
    }
    byChallenge.forEach(leaderboard::updateExisting);
  }
}
