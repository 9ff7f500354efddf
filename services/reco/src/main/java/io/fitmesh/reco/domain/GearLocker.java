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
  static final int MAX_GEAR = 200;
  private static final double MIN_RETIRE_M = 50_000;
  private static final double MAX_RETIRE_M = 1_000_000_000;
  private static final java.util.Set<String> UPDATABLE = java.util.Set.of("name", "brand", "model",
      "retire_distance_m", "default_for_sport", "retired");

  private final GearStore store;

  public GearLocker(GearStore store) {
    this.store = requireNonNull(store, "store");
  }

  public Gear create(String athleteId, Gear draft, String requestId) {
    String request = requestId == null || requestId.isBlank() ? null : Texts.checkId("request_id", requestId);
    Gear checked = checked(athleteId, UUID.randomUUID().toString(), draft, 0);
    if (store.list(athleteId).size() >= MAX_GEAR) {
      throw DomainException.failedPrecondition("at most " + MAX_GEAR + " pieces of gear per athlete");
    }
    request = request == null ? checked.gearId() : request;
    Gear created = store.create(checked, request);
    if (created.defaultForSport()) {
      clearOtherDefaults(created);
    }
    return created;
  }

  /**
   * Changes the fields {@code fields} names (name, brand, model, retire_distance_m, default_for_sport, retired); with
   * none named, the ones {@code change} sets to something other than empty, 0 or false. Sport and distance stay.
   */
  public Gear update(String athleteId, Gear change, java.util.Set<String> fields) {
    Gear current = store.get(athleteId, Texts.checkId("gear_id", change.gearId()))
        .orElseThrow(() -> DomainException.notFound("no gear " + change.gearId()));
    if (!UPDATABLE.containsAll(fields)) {
      throw DomainException.invalidArgument("update_mask", "update_mask may name " + UPDATABLE);
    }
    java.util.function.Predicate<String> changes = field -> fields.isEmpty() ? switch (field) {
      case "name" -> !change.name().isEmpty();
      case "brand" -> !change.brand().isEmpty();
      case "model" -> !change.model().isEmpty();
      case "retire_distance_m" -> change.retireDistanceM() != 0;
      case "default_for_sport" -> change.defaultForSport();
      default -> change.retired();
    } : fields.contains(field);
    Gear updated = checked(athleteId, current.gearId(), new Gear(current.gearId(), athleteId,
        changes.test("name") ? change.name() : current.name(),
        changes.test("brand") ? change.brand() : current.brand(),
        changes.test("model") ? change.model() : current.model(), current.sport(),
        changes.test("retire_distance_m") ? change.retireDistanceM() : current.retireDistanceM(),
        changes.test("default_for_sport") ? change.defaultForSport() : current.defaultForSport(),
        current.distanceM(), changes.test("retired") ? change.retired() : current.retired()), current.distanceM());
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
    if (Texts.isBlank(name)) {
      throw DomainException.invalidArgument("name", "gear needs a name");
    }
    if (g.sport() == null) {
      throw DomainException.invalidArgument("sport", "gear needs a sport");
    }
    double retire = g.retireDistanceM();
    if (!Double.isFinite(retire) || retire < 0 || (retire > 0 && retire < MIN_RETIRE_M) || retire > MAX_RETIRE_M) {
      throw DomainException.invalidArgument("retire_distance_m",
          "retire_distance_m is 0 (the default) or 50 km to 1,000,000 km, in metres");
    }
    if (retire == 0 && g.sport() == Sport.RUN) {
      retire = DEFAULT_SHOE_RETIRE_M;
    }
    return new Gear(gearId, athleteId, name, Texts.check("brand", g.brand(), 80), Texts.check("model", g.model(), 80),
        g.sport(), retire, g.defaultForSport() && !g.retired(), distanceM, g.retired());
  }
}
