package io.fitmesh.training.analytics.adapters;

import static java.util.Objects.requireNonNull;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.Statement;
import io.fitmesh.platform.storage.CqlCalls;
import io.fitmesh.training.analytics.domain.ChallengeInfo;
import io.fitmesh.training.analytics.domain.ChallengeParticipant;
import io.fitmesh.training.analytics.domain.ChallengeStatsStore;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Challenge participation in CQL: {@code challenge_participation} (one partition per challenge, the challenge in
 * static columns) and {@code athlete_challenge_participation} (one partition per athlete). Membership cells are
 * written with the event's time as their write timestamp, so the newest event wins whatever the order of
 * arrival; progress facts are map entries keyed by event time. Every write is idempotent.
 */
public final class ScyllaChallengeStatsStore implements ChallengeStatsStore {
  private static final String STORE = "challenge statistics store";

  private final CqlSession session;
  private final PreparedStatement joinByChallenge;
  private final PreparedStatement joinByAthlete;
  private final PreparedStatement leaveByChallenge;
  private final PreparedStatement leaveByAthlete;
  private final PreparedStatement progressByChallenge;
  private final PreparedStatement progressByAthlete;
  private final PreparedStatement selectChallenge;
  private final PreparedStatement selectByChallenge;
  private final PreparedStatement selectByAthlete;

  public ScyllaChallengeStatsStore(CqlSession session, String keyspace) {
    this.session = requireNonNull(session, "session");
    String byChallenge = keyspace + ".challenge_participation";
    String byAthlete = keyspace + ".athlete_challenge_participation";
    joinByChallenge = session.prepare("UPDATE " + byChallenge + " USING TIMESTAMP ? SET creator_id = ?, "
        + "time_zone = ?, start_time = ?, end_time = ?, join_time = ?, joined_at = ? "
        + "WHERE challenge_id = ? AND athlete_id = ?");
    joinByAthlete = session.prepare("UPDATE " + byAthlete + " USING TIMESTAMP ? SET end_time = ?, join_time = ?, "
        + "joined_at = ? WHERE athlete_id = ? AND challenge_id = ?");
    leaveByChallenge = session.prepare("UPDATE " + byChallenge + " USING TIMESTAMP ? SET left_at = ? "
        + "WHERE challenge_id = ? AND athlete_id = ?");
    leaveByAthlete = session.prepare("UPDATE " + byAthlete + " USING TIMESTAMP ? SET left_at = ? "
        + "WHERE athlete_id = ? AND challenge_id = ?");
    progressByChallenge = session.prepare("UPDATE " + byChallenge + " SET distance_at[?] = ?, goal_at[?] = ?, "
        + "rank_at[?] = ? WHERE challenge_id = ? AND athlete_id = ?");
    progressByAthlete = session.prepare("UPDATE " + byAthlete + " SET goal_at[?] = ?, rank_at[?] = ? "
        + "WHERE athlete_id = ? AND challenge_id = ?");
    selectChallenge = session.prepare("SELECT creator_id, time_zone, start_time, end_time FROM " + byChallenge
        + " WHERE challenge_id = ? LIMIT 1");
    selectByChallenge = session.prepare("SELECT athlete_id, end_time, join_time, joined_at, left_at, distance_at, "
        + "goal_at, rank_at FROM " + byChallenge + " WHERE challenge_id = ?");
    selectByAthlete = session.prepare("SELECT challenge_id, end_time, join_time, joined_at, left_at, goal_at, "
        + "rank_at FROM " + byAthlete + " WHERE athlete_id = ?");
  }

  @Override
  public void joined(ChallengeInfo c, String athleteId, Instant joinTime, Instant at) {
    both(joinByChallenge.bind(micros(at), c.creatorId(), c.timeZone().getId(), c.startTime(), c.endTime(), joinTime,
            at, c.challengeId(), athleteId),
        joinByAthlete.bind(micros(at), c.endTime(), joinTime, at, athleteId, c.challengeId()));
  }

  @Override
  public void left(String challengeId, String athleteId, Instant at) {
    both(leaveByChallenge.bind(micros(at), at, challengeId, athleteId),
        leaveByAthlete.bind(micros(at), at, athleteId, challengeId));
  }

  @Override
  public void progressed(String challengeId, String athleteId, Instant at, double distanceM, boolean goalReached,
      long rank) {
    both(progressByChallenge.bind(at, distanceM, at, goalReached, at, rank, challengeId, athleteId),
        progressByAthlete.bind(at, goalReached, at, rank, athleteId, challengeId));
  }

  @Override
  public Optional<ChallengeInfo> challenge(String challengeId) {
    return CqlCalls.call(STORE, () -> Optional.ofNullable(session.execute(selectChallenge.bind(challengeId)).one())
        .filter(row -> !row.isNull("creator_id"))
        .map(row -> new ChallengeInfo(challengeId, row.getString("creator_id"), ZoneId.of(row.getString("time_zone")),
            row.getInstant("start_time"), row.getInstant("end_time"))));
  }

  @Override
  public List<ChallengeParticipant> byChallenge(String challengeId) {
    return CqlCalls.call(STORE, () -> {
      List<ChallengeParticipant> all = new ArrayList<>();
      for (Row row : session.execute(selectByChallenge.bind(challengeId).setPageSize(5000))) {
        if (!row.isNull("athlete_id")) {
          all.add(participant(challengeId, row.getString("athlete_id"), row,
              row.getMap("distance_at", Instant.class, Double.class)));
        }
      }
      return all;
    });
  }

  @Override
  public List<ChallengeParticipant> byAthlete(String athleteId) {
    return CqlCalls.call(STORE, () -> {
      List<ChallengeParticipant> all = new ArrayList<>();
      for (Row row : session.execute(selectByAthlete.bind(athleteId))) {
        all.add(participant(row.getString("challenge_id"), athleteId, row, Map.of()));
      }
      return all;
    });
  }

  private static ChallengeParticipant participant(String challengeId, String athleteId, Row row,
      Map<Instant, Double> distanceAt) {
    return new ChallengeParticipant(challengeId, athleteId, row.getInstant("join_time"), row.getInstant("joined_at"),
        row.getInstant("left_at"), row.getInstant("end_time"), new TreeMap<>(distanceAt),
        new TreeMap<>(row.getMap("goal_at", Instant.class, Boolean.class)),
        new TreeMap<>(row.getMap("rank_at", Instant.class, Long.class)));
  }

  /** Both tables at once; either failing fails the call, and the event is applied again later (idempotent). */
  private void both(Statement<?> byChallenge, Statement<?> byAthlete) {
    CqlCalls.run(STORE, () -> CqlCalls.writeAllAtOnce(session, List.of(byChallenge, byAthlete)));
  }

  private static long micros(Instant at) {
    return at.getEpochSecond() * 1_000_000 + at.getNano() / 1000;
  }
}
