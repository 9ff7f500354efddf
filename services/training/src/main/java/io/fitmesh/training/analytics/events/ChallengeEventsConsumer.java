package io.fitmesh.training.analytics.events;

import static java.util.Objects.requireNonNull;

import io.fitmesh.challenge.v1.Challenge;
import io.fitmesh.challenge.v1.ChallengeJoined;
import io.fitmesh.challenge.v1.ChallengeLeft;
import io.fitmesh.challenge.v1.ChallengeProgressed;
import io.fitmesh.platform.events.Event;
import io.fitmesh.platform.events.EventSubscription;
import io.fitmesh.platform.grpc.ProtoTime;
import io.fitmesh.platform.runtime.PlatformRuntime;
import io.fitmesh.training.analytics.domain.ChallengeAnalytics;
import io.fitmesh.training.analytics.domain.ChallengeInfo;
import java.time.ZoneId;
import java.util.List;

/**
 * challenge.joined, challenge.left and challenge.progress (subscription "analytics") into challenge statistics.
 * Each fact is stamped with its event's time, so the three topics may arrive in any order.
 */
public final class ChallengeEventsConsumer {
  /** The subscription to the three topics: analytics' own, shared with {@link TrainingEventsConsumer}. */
  public static final String SUBSCRIPTION = TrainingEventsConsumer.SUBSCRIPTION;

  private final ChallengeAnalytics challenges;

  public ChallengeEventsConsumer(ChallengeAnalytics challenges) {
    this.challenges = requireNonNull(challenges, "challenges");
  }

  /** Starts consuming the three topics on the runtime's bus. */
  public List<EventSubscription> subscribe(PlatformRuntime runtime) {
    return List.of(
        runtime.events().subscribe(runtime.subscription("challenge.joined", SUBSCRIPTION), this::onJoined),
        runtime.events().subscribe(runtime.subscription("challenge.left", SUBSCRIPTION), this::onLeft),
        runtime.events().subscribe(runtime.subscription("challenge.progress", SUBSCRIPTION), this::onProgress));
  }

  void onJoined(Event event) {
    ChallengeJoined joined = event.payload(ChallengeJoined.class);
    Challenge c = joined.getChallenge();
    if (!joined.hasChallenge()) {
      return; // published before challenges were announced with their joins: nothing to count it by
    }
    challenges.onJoined(new ChallengeInfo(c.getChallengeId(), c.getCreatorId(), ZoneId.of(c.getTimeZone()),
            ProtoTime.toInstant(c.getStartTime()), ProtoTime.toInstant(c.getEndTime())),
        joined.getAthleteId(), ProtoTime.toInstant(joined.getJoinTime()), event.occurredAt());
  }

  void onLeft(Event event) {
    ChallengeLeft left = event.payload(ChallengeLeft.class);
    challenges.onLeft(left.getChallengeId(), left.getAthleteId(), event.occurredAt());
  }

  void onProgress(Event event) {
    ChallengeProgressed p = event.payload(ChallengeProgressed.class);
    challenges.onProgress(p.getChallengeId(), p.getAthleteId(), event.occurredAt(), p.getDistanceM(),
        p.getGoalReached(), p.getRank());
  }
}
