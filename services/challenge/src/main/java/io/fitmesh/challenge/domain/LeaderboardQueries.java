package io.fitmesh.challenge.domain;

import static java.util.Objects.requireNonNull;

import io.fitmesh.platform.errors.DomainException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** Reads of the live boards, each answered from the {@link Leaderboard} alone (no store reads). */
public final class LeaderboardQueries {
  private final ChallengeCatalog catalog;
  private final Leaderboard leaderboard;

  public LeaderboardQueries(ChallengeCatalog catalog, Leaderboard leaderboard) {
    this.catalog = requireNonNull(catalog, "catalog");
    this.leaderboard = requireNonNull(leaderboard, "leaderboard");
  }

  /** {@code count} places from the 0-based {@code offset}. */
  public List<RankedEntry> page(String challengeId, long offset, int count) {
    Challenge challenge = catalog.get(challengeId);
    return ranked(challenge, offset, leaderboard.range(challengeId, offset, offset + count - 1));
  }

  public long size(String challengeId) {
    catalog.get(challengeId);
    return leaderboard.size(challengeId);
  }

  /** The athlete's place with up to {@code neighbours} above and below; NOT_FOUND when not on the board. */
  public Neighbourhood rank(String challengeId, String athleteId, int neighbours) {
    Challenge challenge = catalog.get(challengeId);
    OptionalLong rank = leaderboard.rank(challengeId, athleteId);
    if (rank.isEmpty()) {
      throw DomainException.notFound("athlete " + athleteId + " is not on the board of challenge " + challengeId);
    }
    long me = rank.getAsLong();
    long from = Math.max(0, me - neighbours);
    List<RankedEntry> around = ranked(challenge, from, leaderboard.range(challengeId, from, me + neighbours));
    List<RankedEntry> above = new ArrayList<>();
    List<RankedEntry> below = new ArrayList<>();
    RankedEntry mine = null;
    for (RankedEntry e : around) {
      if (e.athleteId().equals(athleteId)) {
        mine = e;
      } else if (mine == null) {
        above.add(e);
      } else {
        below.add(e);
      }
    }
    if (mine == null) {
      throw DomainException.notFound("athlete " + athleteId + " is not on the board of challenge " + challengeId);
    }
    return new Neighbourhood(mine, above, below, leaderboard.size(challengeId));
  }

  static List<RankedEntry> ranked(Challenge challenge, long offset, List<Leaderboard.Entry> entries) {
    List<RankedEntry> result = new ArrayList<>(entries.size());
    long rank = offset + 1;
    for (Leaderboard.Entry e : entries) {
      result.add(new RankedEntry(rank++, e.athleteId(), ScoreKey.decode(challenge, e.key())));
    }
    return result;
  }

  /** An athlete's place and the places around it. */
  public record Neighbourhood(RankedEntry me, List<RankedEntry> above, List<RankedEntry> below,
      long participantCount) {}
}
