package io.fitmesh.bff.live;

import static java.util.Objects.requireNonNull;

import io.fitmesh.bff.BffSettings;
import io.fitmesh.bff.v1.WatchWorkoutResponse;
import io.fitmesh.platform.errors.DomainException;
import io.fitmesh.platform.errors.ErrorMapper;
import io.fitmesh.platform.events.EventBus;
import io.fitmesh.platform.events.EventSubscription;
import io.fitmesh.platform.events.SubscriptionSpec;
import io.fitmesh.platform.grpc.LatestOnlyStream;
import io.fitmesh.training.v1.TrainingCompleted;
import io.fitmesh.training.v1.TrainingDeleted;
import io.fitmesh.training.v1.TrainingUpdated;
import io.grpc.stub.ServerCallStreamObserver;
import io.fitmesh.platform.geo.LatLon;
import io.fitmesh.platform.geo.PrivacyZone;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Live tracking for this BFF instance's watchers. Every instance follows training.updated, training.completed and
 * training.deleted on ephemeral subscriptions of its own and keys each workout by its owner and id, so an update
 * reaches only the watchers of that owner's workout. A watch ends when the workout is finished (completed), is
 * deleted (NOT_FOUND), stops being visible to the watcher (re-checked every {@link BffSettings#watchRecheck()}),
 * or reaches {@link BffSettings#watchLifetime()} (UNAVAILABLE: watch again). Watchers per workout and watches per
 * athlete are bounded (RESOURCE_EXHAUSTED).
 */
public final class LiveWorkouts implements AutoCloseable {
  private static final int MAX_REMEMBERED = 50_000;

  /** A workout, by its owner and id. */
  record Key(String ownerId, String workoutId) {}

  private final BffSettings settings;
  private final Map<Key, TrainingUpdated> latest = new ConcurrentHashMap<>();
  private final Map<Key, Set<Watch>> watches = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> perAthlete = new ConcurrentHashMap<>();
  private final ScheduledExecutorService timers;
  private final EventSubscription updates;
  private final EventSubscription completions;
  private final EventSubscription deletions;

  public LiveWorkouts(EventBus bus, BffSettings settings) {
    requireNonNull(bus, "bus");
    this.settings = requireNonNull(settings, "settings");
    this.timers = Executors.newScheduledThreadPool(2, r -> {
      Thread t = new Thread(r, "bff-live-timers");
      t.setDaemon(true);
      return t;
    });
    String instance = "bff-live-" + UUID.randomUUID();
    updates = bus.subscribe(SubscriptionSpec.ephemeral("training.updated", instance),
        e -> onUpdate(e.payload(TrainingUpdated.class)));
    completions = bus.subscribe(SubscriptionSpec.ephemeral("training.completed", instance), e -> {
      var workout = e.payload(TrainingCompleted.class).getWorkout();
      end(new Key(workout.getAthleteId(), workout.getWorkoutId()), Watch::finished);
    });
    deletions = bus.subscribe(SubscriptionSpec.ephemeral("training.deleted", instance), e -> {
      TrainingDeleted deleted = e.payload(TrainingDeleted.class);
      end(new Key(deleted.getAthleteId(), deleted.getWorkoutId()),
          w -> w.fail(DomainException.notFound("workout " + deleted.getWorkoutId() + " was deleted")));
    });
  }

  /**
   * Streams the live states of {@code ownerId}'s workout to {@code watcherId} until it ends. {@code stillVisible}
   * is run at once and every re-check interval in the watcher's call context: it throws when the watcher may no
   * longer see the workout, and returns the owner's privacy zones to hide from this watcher (none for the owner);
   * a position inside one is not sent.
   *
   * @throws DomainException RESOURCE_EXHAUSTED when the workout has too many watchers or the athlete too many watches
   */
  public void watch(String watcherId, String ownerId, String workoutId,
      ServerCallStreamObserver<WatchWorkoutResponse> call, Supplier<List<PrivacyZone>> stillVisible) {
    List<PrivacyZone> hidden = stillVisible.get();
    Key key = new Key(ownerId, workoutId);
    AtomicInteger held = perAthlete.computeIfAbsent(watcherId, id -> new AtomicInteger());
    if (held.incrementAndGet() > settings.watchesPerAthlete()) {
      release(watcherId, held);
      throw DomainException.resourceExhausted("an athlete may hold " + settings.watchesPerAthlete()
          + " live watches at once; close one first");
    }
    Watch watch = new Watch(key, watcherId, new LatestOnlyStream<>(call));
    watch.hidden = hidden;
    Set<Watch> ofWorkout = watches.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet());
    ofWorkout.add(watch);
    if (ofWorkout.size() > settings.watchersPerWorkout()) {
      watch.close();
      throw DomainException.resourceExhausted("this workout has " + settings.watchersPerWorkout()
          + " watchers already");
    }
    long recheckMillis = settings.watchRecheck().toMillis();
    watch.recheck = timers.scheduleAtFixedRate(() -> recheck(watch, stillVisible),
        recheckMillis / 2 + ThreadLocalRandom.current().nextLong(recheckMillis), recheckMillis, TimeUnit.MILLISECONDS);
    watch.lifetime = timers.schedule(() -> watch.fail(DomainException.unavailable(
        "the watch reached its maximum lifetime; watch again", null)), settings.watchLifetime().toMillis(),
        TimeUnit.MILLISECONDS);
    call.setOnCancelHandler(watch::close);
    Optional.ofNullable(latest.get(key)).ifPresent(watch::update);
  }

  private void recheck(Watch watch, Supplier<List<PrivacyZone>> stillVisible) {
    try {
      watch.hidden = stillVisible.get();
    } catch (RuntimeException e) {
      watch.fail(e);
    }
  }

  private void onUpdate(TrainingUpdated state) {
    Key key = new Key(state.getAthleteId(), state.getWorkoutId());
    TrainingUpdated previous = latest.get(key);
    if (previous != null && previous.getDurableThroughSeq() > state.getDurableThroughSeq()) {
      return;
    }
    if (latest.size() > MAX_REMEMBERED) {
      latest.clear();
    }
    latest.put(key, state);
    watches.getOrDefault(key, Set.of()).forEach(w -> w.update(state));
  }

  private void end(Key key, java.util.function.Consumer<Watch> how) {
    latest.remove(key);
    Set<Watch> ended = watches.remove(key);
    if (ended != null) {
      ended.forEach(how);
    }
  }

  private void release(String watcherId, AtomicInteger held) {
    if (held.decrementAndGet() <= 0) {
      perAthlete.remove(watcherId, held);
    }
  }

  /** One watcher's stream of one workout, with its timers. */
  private final class Watch {
    final Key key;
    final String watcherId;
    final LatestOnlyStream<WatchWorkoutResponse> stream;
    volatile ScheduledFuture<?> recheck;
    volatile ScheduledFuture<?> lifetime;
    volatile List<PrivacyZone> hidden = List.of();
    private boolean closed;

    Watch(Key key, String watcherId, LatestOnlyStream<WatchWorkoutResponse> stream) {
      this.key = key;
      this.watcherId = watcherId;
      this.stream = stream;
    }

    void update(TrainingUpdated state) {
      TrainingUpdated shown = state;
      if (state.hasPosition() && PrivacyZone.shown(new LatLon(state.getPosition().getLatitudeDeg(),
          state.getPosition().getLongitudeDeg()), hidden).isEmpty()) {
        shown = state.toBuilder().clearPosition().build();
      }
      stream.send(WatchWorkoutResponse.newBuilder().setState(shown).build());
    }

    void finished() {
      stream.complete();
      close();
    }

    void fail(Throwable why) {
      stream.fail(ErrorMapper.toStatusException(why));
      close();
    }

    synchronized void close() {
      if (closed) {
        return;
      }
      closed = true;
      watches.computeIfPresent(key, (k, set) -> {
        set.remove(this);
        return set.isEmpty() ? null : set;
      });
      AtomicInteger held = perAthlete.get(watcherId);
      if (held != null) {
        release(watcherId, held);
      }
      if (recheck != null) {
        recheck.cancel(false);
      }
      if (lifetime != null) {
        lifetime.cancel(false);
      }
    }
  }

  @Override
  public void close() {
    updates.close();
    completions.close();
    deletions.close();
    timers.shutdownNow();
  }
}
