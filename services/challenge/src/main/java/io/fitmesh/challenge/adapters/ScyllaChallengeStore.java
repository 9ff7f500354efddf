package io.fitmesh.challenge.adapters;

import static java.util.Objects.requireNonNull;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchType;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.google.protobuf.InvalidProtocolBufferException;
import io.fitmesh.challenge.domain.Challenge;
import io.fitmesh.challenge.domain.ChallengeStore;
import io.fitmesh.challenge.domain.Contribution;
import io.fitmesh.challenge.domain.Participant;
import io.fitmesh.challenge.domain.Score;
import io.fitmesh.challenge.codec.ChallengeProtos;
import io.fitmesh.challenge.v1.ChallengeWorkout;
import io.fitmesh.platform.errors.DomainException;
import io.fitmesh.platform.domain.PendingEvent;
import io.fitmesh.platform.events.EnvelopeEvent;
import io.fitmesh.platform.storage.CqlCalls;
import io.fitmesh.platform.storage.CqlTimestamps;
import io.fitmesh.platform.storage.ScyllaOutboxStore;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Challenge state in CQL (keyspace fitmesh_challenge, schema db/cql/challenge.cql). Participants of a challenge
 * are spread over {@value #BUCKETS} partitions by athlete, so a million-athlete challenge makes partitions of
 * about 16k small rows; an athlete's contributions to a challenge are one partition.
 */
public final class ScyllaChallengeStore implements ChallengeStore {
  static final int BUCKETS = 64;
  private static final int CALENDAR_SHARD = 0;

  private final CqlSession session;
  private final ScyllaOutboxStore outbox;
  private final PreparedStatement insertChallenge;
  private final PreparedStatement insertGroupChallenge;
  private final PreparedStatement selectGroupFirst;
  private final PreparedStatement selectGroupAfter;
  private final PreparedStatement insertRequest;
  private final PreparedStatement selectRequest;
  private final PreparedStatement insertCalendar;
  private final PreparedStatement selectChallenge;
  private final PreparedStatement selectNotEnded;
  private final PreparedStatement selectNotEndedAfter;
  private final PreparedStatement selectJoined;
  private final PreparedStatement selectJoinedAfter;
  private final PreparedStatement selectParticipant;
  private final PreparedStatement insertParticipant;
  private final PreparedStatement insertMembership;
  private final PreparedStatement deleteParticipant;
  private final PreparedStatement deleteMembership;
  private final PreparedStatement deleteContributions;
  private final PreparedStatement updateScore;
  private final PreparedStatement selectContributions;
  private final PreparedStatement insertContribution;
  private final PreparedStatement deleteContribution;
  private final PreparedStatement selectBucket;

  public ScyllaChallengeStore(CqlSession session, String keyspace, ScyllaOutboxStore outbox) {
    this.session = requireNonNull(session, "session");
    this.outbox = requireNonNull(outbox, "outbox");
    String ks = requireNonNull(keyspace, "keyspace") + ".";
    insertChallenge = session.prepare("INSERT INTO " + ks + "challenges (challenge_id, data) VALUES (?, ?)");
    insertGroupChallenge = session.prepare("INSERT INTO " + ks
        + "group_challenges (group_id, challenge_id) VALUES (?, ?)");
    selectGroupFirst = session.prepare("SELECT challenge_id FROM " + ks + "group_challenges WHERE group_id = ? LIMIT ?");
    selectGroupAfter = session.prepare("SELECT challenge_id FROM " + ks
        + "group_challenges WHERE group_id = ? AND challenge_id > ? LIMIT ?");
    insertRequest = session.prepare("INSERT INTO " + ks
        + "challenge_requests (creator_id, request_id, challenge_id) VALUES (?, ?, ?) IF NOT EXISTS");
    selectRequest = session.prepare("SELECT challenge_id FROM " + ks
        + "challenge_requests WHERE creator_id = ? AND request_id = ?");
    insertCalendar = session.prepare("INSERT INTO " + ks
        + "challenge_calendar (shard, end_time, challenge_id) VALUES (?, ?, ?)");
    selectChallenge = session.prepare("SELECT data FROM " + ks + "challenges WHERE challenge_id = ?");
    selectNotEnded = session.prepare("SELECT end_time, challenge_id FROM " + ks
        + "challenge_calendar WHERE shard = ? AND end_time > ? LIMIT ?");
    selectNotEndedAfter = session.prepare("SELECT end_time, challenge_id FROM " + ks
        + "challenge_calendar WHERE shard = ? AND (end_time, challenge_id) > (?, ?) LIMIT ?");
    selectJoined = session.prepare("SELECT challenge_id FROM " + ks + "athlete_challenges WHERE athlete_id = ? LIMIT ?");
    selectJoinedAfter = session.prepare("SELECT challenge_id FROM " + ks
        + "athlete_challenges WHERE athlete_id = ? AND challenge_id > ? LIMIT ?");
    selectParticipant = session.prepare("SELECT join_time, score, reached_time, counted_workouts FROM " + ks
        + "participants WHERE challenge_id = ? AND bucket = ? AND athlete_id = ?");
    insertParticipant = session.prepare("INSERT INTO " + ks + "participants (challenge_id, bucket, athlete_id, "
        + "join_time) VALUES (?, ?, ?, ?)");
    insertMembership = session.prepare("INSERT INTO " + ks
        + "athlete_challenges (athlete_id, challenge_id) VALUES (?, ?)");
    deleteParticipant = session.prepare("DELETE FROM " + ks
        + "participants WHERE challenge_id = ? AND bucket = ? AND athlete_id = ?");
    deleteMembership = session.prepare("DELETE FROM " + ks
        + "athlete_challenges WHERE athlete_id = ? AND challenge_id = ?");
    deleteContributions = session.prepare("DELETE FROM " + ks
        + "contributions WHERE challenge_id = ? AND athlete_id = ?");
    updateScore = session.prepare("UPDATE " + ks + "participants SET score = ?, reached_time = ?, "
        + "counted_workouts = ? WHERE challenge_id = ? AND bucket = ? AND athlete_id = ?");
    selectContributions = session.prepare("SELECT data FROM " + ks
        + "contributions WHERE challenge_id = ? AND athlete_id = ?");
    insertContribution = session.prepare("INSERT INTO " + ks
        + "contributions (challenge_id, athlete_id, workout_id, data) VALUES (?, ?, ?, ?)");
    deleteContribution = session.prepare("DELETE FROM " + ks + "contributions USING TIMESTAMP "
        + CqlTimestamps.FOREVER + " WHERE challenge_id = ? AND athlete_id = ? AND workout_id = ?");
    selectBucket = session.prepare("SELECT athlete_id, join_time, score, reached_time, counted_workouts FROM " + ks
        + "participants WHERE challenge_id = ? AND bucket = ?");
  }

  static int bucket(String athleteId) {
    return Math.floorMod(athleteId.hashCode(), BUCKETS);
  }

  @Override
  public Challenge create(Challenge challenge, String requestId) {
    return call(() -> {
      boolean first = session.execute(insertRequest.bind(challenge.creatorId(), requestId,
          challenge.challengeId())).wasApplied();
      if (!first) {
        String existing = session.execute(selectRequest.bind(challenge.creatorId(), requestId)).one()
            .getString("challenge_id");
        Optional<Challenge> stored = challenge(existing);
        if (stored.isPresent()) {
          return stored.get();
        }
        // the first attempt stopped between its two writes: finish it under the first id
        return write(withId(challenge, existing));
      }
      return write(challenge);
    });
  }

  private Challenge write(Challenge challenge) {
    var batch = BatchStatement.builder(BatchType.LOGGED)
        .addStatement(insertChallenge.bind(challenge.challengeId(),
            ByteBuffer.wrap(ChallengeProtos.toProto(challenge).toByteArray())))
        .addStatement(insertCalendar.bind(CALENDAR_SHARD, challenge.endTime(), challenge.challengeId()));
    if (challenge.groupId() != null && !challenge.groupId().isEmpty()) {
      batch.addStatement(insertGroupChallenge.bind(challenge.groupId(), challenge.challengeId()));
    }
    session.execute(batch.build().setIdempotent(true));
    return challenge;
  }

  @Override
  public List<String> ofGroup(String groupId, String afterId, int limit) {
    return call(() -> {
      List<String> ids = new ArrayList<>();
      for (Row row : session.execute(afterId == null ? selectGroupFirst.bind(groupId, limit)
          : selectGroupAfter.bind(groupId, afterId, limit))) {
        ids.add(row.getString("challenge_id"));
      }
      return ids;
    });
  }

  private static Challenge withId(Challenge c, String id) {
    return new Challenge(id, c.title(), c.description(), c.goalKind(), c.goalTarget(), c.effortDistanceM(),
        c.sports(), c.startDate(), c.endDate(), c.timeZone(), c.region(), c.groupId(), c.creatorId(),
        c.createTime());
  }

  @Override
  public Optional<Challenge> challenge(String challengeId) {
    return call(() -> {
      Row row = session.execute(selectChallenge.bind(challengeId)).one();
      if (row == null) {
        return Optional.empty();
      }
      try {
        return Optional.of(ChallengeProtos.toDomain(
            io.fitmesh.challenge.v1.Challenge.parseFrom(row.getByteBuffer("data"))));
      } catch (InvalidProtocolBufferException e) {
        throw new IllegalStateException("stored challenge " + challengeId + " is not a Challenge message", e);
      }
    });
  }

  @Override
  public List<ChallengePosition> notEnded(Instant now, ChallengePosition after, int limit) {
    return call(() -> {
      List<ChallengePosition> result = new ArrayList<>();
      var rows = after == null
          ? session.execute(selectNotEnded.bind(CALENDAR_SHARD, now, limit))
          : session.execute(selectNotEndedAfter.bind(CALENDAR_SHARD, after.endTime(), after.challengeId(), limit));
      for (Row row : rows) {
        result.add(new ChallengePosition(row.getInstant("end_time"), row.getString("challenge_id")));
      }
      return result;
    });
  }

  @Override
  public List<String> joinedBy(String athleteId, String afterId, int limit) {
    return call(() -> {
      List<String> ids = new ArrayList<>();
      var rows = afterId == null
          ? session.execute(selectJoined.bind(athleteId, limit))
          : session.execute(selectJoinedAfter.bind(athleteId, afterId, limit));
      rows.forEach(r -> ids.add(r.getString("challenge_id")));
      return ids;
    });
  }

  @Override
  public Optional<Participant> participant(String challengeId, String athleteId) {
    return call(() -> {
      Row row = session.execute(selectParticipant.bind(challengeId, bucket(athleteId), athleteId)).one();
      return Optional.ofNullable(row).map(r -> participant(challengeId, athleteId, r));
    });
  }

  /** A participant row; one that has never scored has no score columns (a join writes only join_time). */
  private static Participant participant(String challengeId, String athleteId, Row r) {
    Instant joined = r.getInstant("join_time");
    Instant reached = r.getInstant("reached_time");
    return new Participant(challengeId, athleteId, joined, reached == null ? Score.none(joined)
        : new Score(r.getDouble("score"), reached, r.getInt("counted_workouts")));
  }

  /**
   * Two idempotent writes in parallel rather than a logged batch (whose batch log costs the CQL server more
   * than the writes): if only one lands, the join fails, the app retries, and the retry writes both.
   */
  @Override
  public void join(Participant p, PendingEvent joined) {
    inParallel(insertParticipant.bind(p.challengeId(), bucket(p.athleteId()), p.athleteId(), p.joinTime()),
        insertMembership.bind(p.athleteId(), p.challengeId()),
        outbox.insert(EnvelopeEvent.envelopeOf(joined)));
  }

  @Override
  public void leave(String challengeId, String athleteId, PendingEvent left) {
    call(() -> session.execute(BatchStatement.newInstance(BatchType.LOGGED,
        deleteParticipant.bind(challengeId, bucket(athleteId), athleteId),
        deleteMembership.bind(athleteId, challengeId),
        deleteContributions.bind(challengeId, athleteId),
        outbox.insert(EnvelopeEvent.envelopeOf(left)))));
  }

  @Override
  public void saveScore(Participant p, PendingEvent progressed) {
    inParallel(updateScore.bind(p.score().value(), p.score().reachedTime(), p.score().countedWorkouts(),
        p.challengeId(), bucket(p.athleteId()), p.athleteId()), outbox.insert(EnvelopeEvent.envelopeOf(progressed)));
  }

  /**
   * Idempotent writes side by side rather than a logged batch (whose batch log costs the CQL server more than the
   * writes): if one fails, so does the call, and its retry (the app's, or the event's redelivery) writes them all
   * again; an event written twice is sent twice under one event id.
   */
  private void inParallel(BoundStatement... writes) {
    call(() -> {
      CqlCalls.writeAllAtOnce(session, List.of(writes));
      return null;
    });
  }

  @Override
  public List<Contribution> contributions(String challengeId, String athleteId) {
    return call(() -> {
      List<Contribution> result = new ArrayList<>();
      for (Row row : session.execute(selectContributions.bind(challengeId, athleteId))) {
        try {
          result.add(ChallengeProtos.toDomain(ChallengeWorkout.parseFrom(row.getByteBuffer("data"))));
        } catch (InvalidProtocolBufferException e) {
          throw new IllegalStateException("stored contribution is not a ChallengeWorkout message", e);
        }
      }
      return result;
    });
  }

  @Override
  public void putContribution(String challengeId, String athleteId, Contribution c) {
    call(() -> session.execute(insertContribution.bind(challengeId, athleteId, c.workoutId(),
        ByteBuffer.wrap(ChallengeProtos.toProto(c).toByteArray())).setIdempotent(true)));
  }

  @Override
  public void removeContribution(String challengeId, String athleteId, String workoutId) {
    call(() -> session.execute(deleteContribution.bind(challengeId, athleteId, workoutId).setIdempotent(true)));
  }

  @Override
  public void forEachParticipant(String challengeId, Consumer<Participant> sink) {
    call(() -> {
      for (int bucket = 0; bucket < BUCKETS; bucket++) {
        for (Row row : session.execute(selectBucket.bind(challengeId, bucket).setPageSize(5000))) {
          sink.accept(participant(challengeId, row.getString("athlete_id"), row));
        }
      }
      return null;
    });
  }

  private static <T> T call(Supplier<T> operation) {
    try {
      return operation.get();
    } catch (DomainException | IllegalStateException e) {
      throw e;
    } catch (RuntimeException e) {
      throw DomainException.unavailable("challenge store unavailable", e);
    }
  }
}
