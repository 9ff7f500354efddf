package io.fitmesh.group;

import static java.util.Objects.requireNonNull;

import io.fitmesh.group.adapters.OutboxGroupEvents;
import io.fitmesh.group.domain.ClubActivity;
import io.fitmesh.group.domain.Clubs;
import io.fitmesh.group.events.TrainingEventsConsumer;
import io.fitmesh.group.grpc.GroupHandler;
import io.fitmesh.platform.events.EventSubscription;
import io.fitmesh.platform.events.OutboxRelay;
import io.fitmesh.platform.runtime.PlatformRuntime;
import io.fitmesh.platform.server.FitmeshService;
import io.fitmesh.social.v1.SocialServiceGrpc.SocialServiceBlockingStub;
import io.grpc.BindableService;
import java.time.Duration;
import java.util.List;

/**
 * The group deployable: GroupService (clubs, members, club feed and weekly stats). Clubs, members, one feed row and
 * one week row per workout per club, and its outbox in CQL (keyspace fitmesh_group), or in memory. Consumes
 * training.completed, training.changed and training.deleted (subscription "group"); publishes
 * group.join_requested, group.joined and group.left through its outbox. Runs inside the social deployable by
 * default, or alone (GroupMain).
 */
public final class GroupDeployable implements FitmeshService {
  public static final String NAME = "group";
  private static final Duration RELAY_INTERVAL = Duration.ofMillis(250);

  private final OutboxRelay relay;
  private final Clubs clubs;
  private final GroupHandler handler;
  private final List<EventSubscription> subscriptions;

  public GroupDeployable(PlatformRuntime runtime) {
    requireNonNull(runtime, "runtime");
    GroupBackends backends = GroupBackends.open(runtime);
    relay = new OutboxRelay(NAME, backends.outbox(), runtime.events(), RELAY_INTERVAL);
    clubs = new Clubs(backends.clubs(), backends.activity(), new OutboxGroupEvents(runtime.events(), relay,
        runtime.clock()), runtime.clock());
    handler = new GroupHandler(clubs, runtime.services().stub("social", SocialServiceBlockingStub.class));
    subscriptions = new TrainingEventsConsumer(new ClubActivity(backends.clubs(), backends.activity()))
        .subscribe(runtime);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<BindableService> grpcServices() {
    return List.of(handler);
  }

  @Override
  public void close() {
    subscriptions.forEach(EventSubscription::close);
    relay.close();
  }
}
