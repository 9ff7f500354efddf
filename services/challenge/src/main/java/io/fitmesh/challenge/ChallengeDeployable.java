package io.fitmesh.challenge;

import static java.util.Objects.requireNonNull;

import io.fitmesh.challenge.adapters.GrpcClubMembership;
import io.fitmesh.challenge.adapters.OutboxChallengeEvents;
import io.fitmesh.group.v1.GroupServiceGrpc.GroupServiceBlockingStub;
import io.fitmesh.challenge.domain.BoardProjector;
import io.fitmesh.challenge.domain.ChallengeCatalog;
import io.fitmesh.challenge.domain.ChallengeService;
import io.fitmesh.challenge.domain.Leaderboard;
import io.fitmesh.challenge.domain.LeaderboardQueries;
import io.fitmesh.challenge.domain.LeaderboardWatches;
import io.fitmesh.challenge.events.ProgressConsumer;
import io.fitmesh.challenge.events.TrainingEventsConsumer;
import io.fitmesh.challenge.grpc.ChallengeHandler;
import io.fitmesh.challenge.grpc.LeaderboardHandler;
import io.fitmesh.platform.events.EventSubscription;
import io.fitmesh.platform.events.OutboxRelay;
import io.fitmesh.platform.runtime.PlatformRuntime;
import io.fitmesh.platform.server.FitmeshService;
import io.grpc.BindableService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The challenge deployable: ChallengeService and LeaderboardService. Challenges, participants, scores and
 * contributions in CQL (keyspace fitmesh_challenge), live boards in Redis (in memory when embedded).
 * Consumes training.completed and training.deleted (subscription "challenge", keyed by athlete, so instances
 * split athletes between them) and challenge.progress (subscription "challenge-board", in batches, into the
 * boards); publishes challenge.joined, challenge.left and challenge.progress.
 */
public final class ChallengeDeployable implements FitmeshService {
  public static final String NAME = "challenge";
  /** At most one read of a watched board per this, however often it changes. */
  static final Duration WATCH_MIN_GAP = Duration.ofMillis(50);
  /** How often watched boards' versions are checked, in case a change notice was lost. */
  static final Duration WATCH_VERSION_CHECK = Duration.ofSeconds(2);
  private static final Duration RELAY_INTERVAL = Duration.ofMillis(250);

  private final ChallengeService challenges;
  private final LeaderboardQueries boards;
  private final LeaderboardWatches watches;
  private final ChallengeBackends backends;
  private final OutboxRelay relay;
  private final List<EventSubscription> subscriptions;

  public ChallengeDeployable(PlatformRuntime runtime) {
    requireNonNull(runtime, "runtime");
    backends = ChallengeBackends.open(runtime);
    Leaderboard leaderboard = backends.leaderboard();
    ChallengeCatalog catalog = backends.catalog();
    relay = new OutboxRelay(NAME, backends.outbox(), runtime.events(), RELAY_INTERVAL);
    challenges = new ChallengeService(backends.store(), catalog, leaderboard,
        new OutboxChallengeEvents(runtime.events(), relay),
        new GrpcClubMembership(runtime.services().stub("group", GroupServiceBlockingStub.class)), runtime.clock());
    boards = new LeaderboardQueries(catalog, leaderboard);
    watches = new LeaderboardWatches(catalog, leaderboard, runtime.clock(), WATCH_MIN_GAP,
        WATCH_VERSION_CHECK);
    subscriptions = new ArrayList<>(new TrainingEventsConsumer(challenges).subscribe(runtime, NAME));
    subscriptions.add(new ProgressConsumer(new BoardProjector(leaderboard)).subscribe(runtime, NAME + "-board"));
  }

  @Override
  public String name() {
    return NAME;
  }

  /** The use cases, for tests that drive an instance without a server. */
  ChallengeService challenges() {
    return challenges;
  }

  LeaderboardQueries boards() {
    return boards;
  }

  /** Rebuilds a challenge's live board from CQL; returns how many participants it holds. */
  public int rebuildBoard(String challengeId) {
    return backends.rebuildBoard(challengeId);
  }

  @Override
  public List<BindableService> grpcServices() {
    return List.of(new ChallengeHandler(challenges, boards), new LeaderboardHandler(boards, watches));
  }

  @Override
  public void close() {
    subscriptions.forEach(EventSubscription::close);
    watches.close();
    relay.close();
  }
}
