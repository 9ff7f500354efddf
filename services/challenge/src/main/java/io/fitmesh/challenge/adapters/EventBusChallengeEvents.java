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
import io.fitmesh.platform.events.EventBus;
import io.fitmesh.platform.grpc.ProtoTime;
import java.util.concurrent.CompletionException;

/** Challenge events on the bus, keyed by challenge id, each awaited until the broker has it. */
public final class EventBusChallengeEvents implements ChallengeEvents {
  public static final String JOINED = "challenge.joined";
  public static final String LEFT = "challenge.left";
  public static final String PROGRESS = "challenge.progress";

  private final EventBus bus;

  public EventBusChallengeEvents(EventBus bus) {
    this.bus = requireNonNull(bus, "bus");
  }

  @Override
  public void joined(Challenge challenge, Participant p) {
    publish(JOINED, p.challengeId(), ChallengeJoined.newBuilder().setChallengeId(p.challengeId())
        .setAthleteId(p.athleteId()).setJoinTime(ProtoTime.toTimestamp(p.joinTime()))
        .setChallenge(ChallengeProtos.toProto(challenge)).build());
  }

  @Override
  public void left(String challengeId, String athleteId) {
    publish(LEFT, challengeId, ChallengeLeft.newBuilder().setChallengeId(challengeId).setAthleteId(athleteId).build());
  }

  @Override
  public void progressed(ProgressUpdate update) {
    Participant p = update.participant();
    publish(PROGRESS, p.challengeId(), ChallengeProgressed.newBuilder()
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

  private void publish(String topic, String key, Message payload) {
    try {
      bus.publish(topic, key, payload).join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }
}
