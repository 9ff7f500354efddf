package io.fitmesh.reco.domain;

import static java.util.Objects.requireNonNull;

import io.fitmesh.platform.errors.DomainException;
import io.fitmesh.platform.limits.Texts;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Athletes' gear: register and change it (one default per sport), count finished workouts of a sport on its
 * default gear (training.completed) and take deleted ones off again (training.deleted), and say which gear is due
 * for replacement. Shoes (RUN gear) retire at 700 km unless the athlete says otherwise.
 */
public final class GearLocker {
  public static final double DEFAULT_SHOE_RETIRE_M = 700_000;
  static final int MAX_GEAR = 100;
  private static final double MAX_RETIRE_M = 1_000_000_000;

  private final GearStore store;

  public GearLocker(GearStore store) {
    this.store = requireNonNull(store, "store");
  }

  public Gear create(String athleteId, Gear draft, String requestId) {
    Gear checked = checked(athleteId, UUID.randomUUID().toString(), draft, 0);
    if (store.list(athleteId).size() >= MAX_GEAR) {
      throw DomainException.resourceExhausted("at most " + MAX_GEAR + " pieces of gear per athlete");
    }
    String request = requestId == null || requestId.isBlank() ? checked.gearId()
        : Texts.checkId("request_id", requestId);
    Gear created = store.create(checked, request);
    if (created.defaultForSport()) {
      clearOtherDefaults(created);
    }
    return created;
  }

  public Gear update(String athleteId, Gear change) {
    Gear current = store.get(athleteId, Texts.checkId("gear_id", change.gearId()))
        .orElseThrow(() -> DomainException.notFound("no gear " + change.gearId()));
    Gear updated = checked(athleteId, current.gearId(), new Gear(current.gearId(), athleteId, change.name(),
        change.brand(), change.model(), current.sport(), change.retireDistanceM(), change.defaultForSport(),
        current.distanceM(), change.retired()), current.distanceM());
    store.update(updated);
    if (updated.defaultForSport()) {
      clearOtherDefaults(updated);
    }
    return updated;
  }

  /** Active gear first, then by name. */
  public List<Gear> list(String athleteId) {
    return store.list(athleteId).stream()
        .sorted(Comparator.comparing(Gear::retired).thenComparing(g -> g.name().toLowerCase(Locale.ROOT)))
        .toList();
  }

  /**
   * Counts a finished workout on the gear named at its start or import when that is the athlete's and not retired,
   * else on the default gear of its sport, if the athlete has one.
   */
  public void onCompleted(String athleteId, String workoutId, Sport sport, double distanceM, String gearId) {
    List<Gear> mine = store.list(athleteId);
    mine.stream().filter(g -> g.gearId().equals(gearId) && !g.retired()).findFirst()
        .or(() -> mine.stream().filter(g -> g.sport() == sport && g.defaultForSport() && !g.retired()).findFirst())
        .ifPresent(g -> store.count(athleteId, workoutId, g.gearId(), distanceM));
  }

  public void onDeleted(String athleteId, String workoutId) {
    store.uncount(athleteId, workoutId);
  }

  /** Gear at 90% of its retire distance or more. */
  public List<Gear> due(String athleteId) {
    return list(athleteId).stream().filter(Gear::dueForReplacement).toList();
  }

  private void clearOtherDefaults(Gear chosen) {
    for (Gear other : store.list(chosen.athleteId())) {
      if (other.sport() == chosen.sport() && other.defaultForSport() && !other.gearId().equals(chosen.gearId())) {
        store.update(other.withDefault(false));
      }
    }
  }

  private static Gear checked(String athleteId, String gearId, Gear g, double distanceM) {
    String name = Texts.check("name", g.name(), 80).strip();
    if (name.isEmpty()) {
      throw DomainException.invalidArgument("name", "gear needs a name");
    }
    if (g.sport() == null) {
      throw DomainException.invalidArgument("sport", "gear needs a sport");
    }
    double retire = g.retireDistanceM();
    if (!Double.isFinite(retire) || retire < 0 || retire > MAX_RETIRE_M) {
      throw DomainException.invalidArgument("retire_distance_m", "retire_distance_m must be 0..1,000,000,000 metres");
    }
    if (retire == 0 && g.sport() == Sport.RUN) {
      retire = DEFAULT_SHOE_RETIRE_M;
    }
    return new Gear(gearId, athleteId, name, Texts.check("brand", g.brand(), 80), Texts.check("model", g.model(), 80),
        g.sport(), retire, g.defaultForSport() && !g.retired(), distanceM, g.retired());
  }
}
