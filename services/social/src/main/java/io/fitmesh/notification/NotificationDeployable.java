package io.fitmesh.notification;

import static java.util.Objects.requireNonNull;

import io.fitmesh.group.v1.GroupServiceGrpc.GroupServiceBlockingStub;
import io.fitmesh.notification.adapters.BusInboxChanges;
import io.fitmesh.notification.adapters.GrpcRecipients;
import io.fitmesh.notification.domain.InboxWatchers;
import io.fitmesh.notification.domain.Inboxes;
import io.fitmesh.notification.domain.Notifier;
import io.fitmesh.notification.domain.PushDispatcher;
import io.fitmesh.notification.domain.PushJob;
import io.fitmesh.notification.domain.PushQueue;
import io.fitmesh.notification.events.InboxChangesConsumer;
import io.fitmesh.notification.events.NotifyingConsumers;
import io.fitmesh.notification.grpc.NotificationHandler;
import io.fitmesh.platform.events.EventSubscription;
import io.fitmesh.platform.runtime.PlatformRuntime;
import io.fitmesh.platform.server.FitmeshService;
import io.fitmesh.social.v1.SocialServiceGrpc.SocialServiceBlockingStub;
import io.grpc.BindableService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The notification deployable: NotificationService (inbox, settings, devices, live inbox watch) and push (APNs,
 * FCM). Inboxes, settings, devices and the push queue in CQL (keyspace fitmesh_notification), claims and rate
 * limits in Redis, or all in memory. Consumes training.completed, social.kudos_given, social.commented,
 * social.followed, group.join_requested and group.joined (subscription "notification"), and notification.inbox
 * (ephemeral, for watchers). Runs inside the social deployable by default, or alone (NotificationMain).
 */
public final class NotificationDeployable implements FitmeshService {
  public static final String NAME = "notification";
  private static final Duration DISPATCH_INTERVAL = Duration.ofMillis(250);

  private final NotificationBackends backends;
  private final PushDispatcher dispatcher;
  private final NotificationHandler handler;
  private final List<EventSubscription> subscriptions;
  /** Runs the notifying consumers' events of different keys at once: mostly waiting on other services. */
  private final ExecutorService workers = Executors.newFixedThreadPool(16, r -> {
    Thread t = new Thread(r, "notification-worker");
    t.setDaemon(true);
    return t;
  });

  public NotificationDeployable(PlatformRuntime runtime) {
    requireNonNull(runtime, "runtime");
    PushSettings settings = PushSettings.from(runtime.config());
    backends = NotificationBackends.open(runtime, settings);
    InboxWatchers watchers = new InboxWatchers();
    dispatcher = new PushDispatcher(backends.pushes(), backends.devices(), backends.inbox(), backends.gateway(),
        runtime.clock(), DISPATCH_INTERVAL);
    Notifier notifier = new Notifier(backends.inbox(), backends.preferences(), nudging(backends.pushes()),
        backends.claims(), backends.rates(), new BusInboxChanges(runtime.events()), runtime.clock(),
        settings.maxPushes(), settings.window());
    handler = new NotificationHandler(new Inboxes(backends.inbox(), backends.preferences(), backends.devices(),
        watchers, runtime.clock()));
    subscriptions = new ArrayList<>(new NotifyingConsumers(notifier, new GrpcRecipients(
        runtime.services().stub("social", SocialServiceBlockingStub.class),
        runtime.services().stub("group", GroupServiceBlockingStub.class)), settings.workoutNotifyMaxFollowers(),
        settings.clubNotifyMaxMembers())
        .subscribe(runtime, workers));
    subscriptions.add(new InboxChangesConsumer(watchers).subscribe(runtime));
  }

  /** The queue as the notifier sees it: scheduling a push asks the dispatcher for a round at once. */
  private PushQueue nudging(PushQueue queue) {
    return new PushQueue() {
      @Override
      public void schedule(PushJob job) {
        queue.schedule(job);
        dispatcher.nudge();
      }

      @Override
      public java.util.List<PushJob> due(java.time.Instant now, int limit) {
        return queue.due(now, limit);
      }

      @Override
      public void done(PushJob job) {
        queue.done(job);
      }
    };
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
    workers.shutdown();
    dispatcher.close();
    backends.release().run();
    backends.gateway().close();
  }
}
