package io.fitmesh.challenge.adapters;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.Message;
import io.fitmesh.challenge.codec.ChallengeProtos;
import io.fitmesh.challenge.domain.Challenge;
import io.fitmesh.challenge.domain.ChallengeEvents;
import io.fitmesh.challenge.domain.Participant;
import io.fitmesh.challenge.domain.ProgressUpdate;
import io.fitmesh.challenge.domain.ScoreKey;
import io.fitmesh.challenge.v1.ChallengeJoined;
import io.fitmesh.challenge.v1.ChallengeLeft;
import io.fitmesh.challenge.v1.ChallengeProgressed;
import io.fitmesh.platform.domain.PendingEvent;
import io.fitmesh.platform.events.EnvelopeEvent;
import io.fitmesh.platform.events.EventBus;
import io.fitmesh.platform.events.OutboxRelay;
import io.fitmesh.platform.grpc.ProtoTime;

/** Challenge events, keyed by challenge id, written to the outbox with their change and sent by its relay. */
public final class OutboxChallengeEvents implements ChallengeEvents {
  public static final String JOINED = "challenge.joined";
  public static final String LEFT = "challenge.left";
  public static final String PROGRESS = "challenge.progress";

  private final EventBus bus;
  private final OutboxRelay relay;

  public OutboxChallengeEvents(EventBus bus, OutboxRelay relay) {
    this.bus = requireNonNull(bus, "bus");
    this.relay = requireNonNull(relay, "relay");
  }

  @Override
  public PendingEvent joined(Challenge challenge, Participant p) {
    return pending(JOINED, p.challengeId(), ChallengeJoined.newBuilder().setChallengeId(p.challengeId())
        .setAthleteId(p.athleteId()).setJoinTime(ProtoTime.toTimestamp(p.joinTime()))
        .setChallenge(ChallengeProtos.toProto(challenge)).build());
  }

  @Override
  public PendingEvent left(String challengeId, String athleteId) {
    return pending(LEFT, challengeId, ChallengeLeft.newBuilder().setChallengeId(challengeId).setAthleteId(athleteId).build());
  }

  @Override
  public PendingEvent progressed(ProgressUpdate update) {
    Participant p = update.participant();
    return pending(PROGRESS, p.challengeId(), ChallengeProgressed.newBuilder()
        .setChallengeId(p.challengeId())
        .setAthleteId(p.athleteId())
        .setScore(p.score().value())
        .setReachedTime(ProtoTime.toTimestamp(p.score().reachedTime()))
        .setWorkoutId(update.workoutId())
        .setCountedWorkouts(p.score().countedWorkouts())
        .setBoardScore(ScoreKey.of(update.challenge(), p.score()))
        .setGoalReached(update.goalReached())
        .setRank(update.rank())
        .setDistanceM(update.countedDistanceM())
        .build());
  }

  @Override
  public void flush() {
    relay.nudge();
  }

  private PendingEvent pending(String topic, String key, Message payload) {
    return new EnvelopeEvent(bus.envelope(topic, key, payload));
  }
}
