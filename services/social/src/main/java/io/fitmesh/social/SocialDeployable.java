package io.fitmesh.social;

import static java.util.Objects.requireNonNull;

import io.fitmesh.platform.events.EventSubscription;
import io.fitmesh.platform.events.OutboxRelay;
import io.fitmesh.platform.runtime.PlatformRuntime;
import io.fitmesh.platform.server.FitmeshService;
import io.fitmesh.social.adapters.BusFanOutQueue;
import io.fitmesh.social.adapters.OutboxSocialEvents;
import io.fitmesh.social.domain.Audience;
import io.fitmesh.social.domain.FanOut;
import io.fitmesh.social.domain.Feeds;
import io.fitmesh.social.domain.Follows;
import io.fitmesh.social.domain.Reactions;
import io.fitmesh.social.events.FanOutConsumer;
import io.fitmesh.social.events.TrainingEventsConsumer;
import io.fitmesh.social.grpc.SocialHandler;
import io.grpc.BindableService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The social deployable: SocialService (follow graph, feeds, kudos, comments, privacy zones). Profiles, the graph,
 * activities and its outbox in CQL (keyspace fitmesh_social), home timelines in Redis, or all in memory. Consumes
 * training.completed, training.changed and training.deleted (subscription "social") and social.fanout
 * (subscription "social-fanout", batches); publishes social.followed, social.kudos_given, social.commented through
 * its outbox and social.fanout directly.
 */
public final class SocialDeployable implements FitmeshService {
  public static final String NAME = "social";
  private static final Duration RELAY_INTERVAL = Duration.ofMillis(250);

  private final SocialBackends backends;
  private final OutboxRelay relay;
  private final Follows follows;
  private final Feeds feeds;
  private final Reactions reactions;
  private final List<EventSubscription> subscriptions;

  public SocialDeployable(PlatformRuntime runtime) {
    requireNonNull(runtime, "runtime");
    SocialSettings settings = SocialSettings.from(runtime.config());
    backends = SocialBackends.open(runtime, settings);
    relay = new OutboxRelay(NAME, backends.outbox(), runtime.events(), RELAY_INTERVAL);
    OutboxSocialEvents events = new OutboxSocialEvents(runtime.events(), relay);
    Audience audience = new Audience(backends.graph(), backends.profiles(), runtime.clock());
    follows = new Follows(backends.graph(), backends.profiles(), backends.activities(), backends.timelines(), audience,
        events, runtime.clock());
    feeds = new Feeds(backends.activities(), backends.timelines(), backends.graph(), backends.celebrities(), audience,
        runtime.clock());
    reactions = new Reactions(backends.activities(), audience, events, runtime.clock());
    FanOut fanOut = new FanOut(backends.activities(), backends.graph(), backends.profiles(), backends.celebrities(),
        new BusFanOutQueue(runtime.events()), backends.timelines(), settings.celebrityFollowers());
    subscriptions = new ArrayList<>(new TrainingEventsConsumer(fanOut).subscribe(runtime));
    subscriptions.add(new FanOutConsumer(fanOut).subscribe(runtime));
  }

  @Override
  public String name() {
    return NAME;
  }

  /** The follow graph, for tests that drive an instance without a server. */
  Follows follows() {
    return follows;
  }

  /** The feeds, for commands and tests that drive an instance without a server. */
  public Feeds feeds() {
    return feeds;
  }

  @Override
  public List<BindableService> grpcServices() {
    return List.of(new SocialHandler(follows, feeds, reactions));
  }

  @Override
  public void close() {
    subscriptions.forEach(EventSubscription::close);
    relay.close();
  }
}
