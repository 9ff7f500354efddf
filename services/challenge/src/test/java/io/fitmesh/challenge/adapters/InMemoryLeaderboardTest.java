package io.fitmesh.challenge.adapters;

import io.fitmesh.challenge.domain.Leaderboard;

class InMemoryLeaderboardTest extends LeaderboardContract {
  private final InMemoryLeaderboard board = new InMemoryLeaderboard();

  @Override
  Leaderboard board() {
    return board;
  }

  /** One process: every "instance" shares the boards. */
  @Override
  Leaderboard otherInstance() {
    return board;
  }
}
