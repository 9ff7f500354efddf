package io.fitmesh.social;

import io.fitmesh.platform.events.InMemoryOutboxStore;
import io.fitmesh.platform.events.OutboxStore;
import io.fitmesh.platform.runtime.PlatformRuntime;
import io.fitmesh.platform.storage.ScyllaOutboxStore;
import io.fitmesh.social.adapters.InMemoryActivityStore;
import io.fitmesh.social.adapters.InMemoryCelebrities;
import io.fitmesh.social.adapters.InMemoryGraphStore;
import io.fitmesh.social.adapters.InMemoryProfileStore;
import io.fitmesh.social.adapters.InMemoryTimelines;
import io.fitmesh.social.adapters.RedisTimelines;
import io.fitmesh.social.adapters.ScyllaActivityStore;
import io.fitmesh.social.adapters.ScyllaCelebrities;
import io.fitmesh.social.adapters.ScyllaGraphStore;
import io.fitmesh.social.adapters.ScyllaProfileStore;
import io.fitmesh.social.domain.ActivityStore;
import io.fitmesh.social.domain.Audience;
import io.fitmesh.social.domain.Feeds;
import io.fitmesh.social.domain.Celebrities;
import io.fitmesh.social.domain.GraphStore;
import io.fitmesh.social.domain.ProfileStore;
import io.fitmesh.social.domain.Timelines;

/**
 * The social service's stores as the runtime's backends make them: CQL (keyspace fitmesh_social, schema applied
 * here, with the outbox of its events) and Redis timelines, or the in-memory twins in embedded mode. The one
 * place that picks adapters; used by the deployable and by commands that work on the data without serving.
 */
public record SocialBackends(GraphStore graph, ProfileStore profiles, ActivityStore activities,
    Celebrities celebrities, Timelines timelines, OutboxStore outbox) {

  static SocialBackends open(PlatformRuntime runtime, SocialSettings settings) {
    Timelines timelines = runtime.redis().<Timelines>map(redis ->
        new RedisTimelines(redis, settings.timelineCap(), settings.inactivity()))
        .orElseGet(() -> new InMemoryTimelines(settings.timelineCap()));
    return runtime.cql().map(session -> {
      String keyspace = runtime.migrateCql(SocialDeployable.NAME);
      ScyllaOutboxStore outbox = new ScyllaOutboxStore(session, keyspace);
      return new SocialBackends(new ScyllaGraphStore(session, keyspace, outbox),
          new ScyllaProfileStore(session, keyspace), new ScyllaActivityStore(session, keyspace, outbox),
          new ScyllaCelebrities(session, keyspace, runtime.clock()), timelines, outbox);
    }).orElseGet(() -> {
      InMemoryOutboxStore outbox = new InMemoryOutboxStore();
      return new SocialBackends(new InMemoryGraphStore(outbox), new InMemoryProfileStore(),
          new InMemoryActivityStore(outbox), new InMemoryCelebrities(), timelines, outbox);
    });
  }

  /** Opens the stores from the runtime's settings, for commands (fitmesh feed rebuild). */
  public static SocialBackends open(PlatformRuntime runtime) {
    return open(runtime, SocialSettings.from(runtime.config()));
  }

  /** Replaces an athlete's home timeline with one made from CQL; returns how many entries it holds. */
  public int rebuildTimeline(String athleteId, java.time.Clock clock) {
    timelines.drop(athleteId);
    return new Feeds(activities, timelines, graph, celebrities, new Audience(graph, profiles, clock), clock)
        .rebuild(athleteId);
  }
}
