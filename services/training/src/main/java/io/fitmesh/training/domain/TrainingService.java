package io.fitmesh.training.domain;

import static java.util.Objects.requireNonNull;

import io.fitmesh.platform.errors.DomainException;
import io.fitmesh.platform.limits.WorkoutLimits;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The athlete's workouts: start, finish (summary from the stored samples, then training.completed), read,
 * list, delete (training.deleted) and import. The caller is always the athlete of the call's token.
 */
public final class TrainingService {
  private static final java.util.regex.Pattern GEAR_ID = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final Pattern WORKOUT_ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
  private static final int MAX_TITLE = 200;
  private static final int OVERLAP_PAGES = 5;

  private final WorkoutStore workouts;
  private final SampleSource samples;
  private final WorkoutEvents events;
  private final SocialGraph social;
  private final Clock clock;

  public TrainingService(WorkoutStore workouts, SampleSource samples, WorkoutEvents events, SocialGraph social,
      Clock clock) {
    this.workouts = requireNonNull(workouts, "workouts");
    this.samples = requireNonNull(samples, "samples");
    this.events = requireNonNull(events, "events");
    this.social = requireNonNull(social, "social");
    this.clock = requireNonNull(clock, "clock");
  }

  /** Starts a workout; starting the same id again returns it unchanged. An id is never used twice. */
  public WorkoutRecord start(String athleteId, StartCommand command) {
    WorkoutRecord stored = workouts.createIfAbsent(newWorkout(athleteId, command, WorkoutRecord.Source.RECORDED));
    if (!stored.athleteId().equals(athleteId) || stored.state() == WorkoutRecord.State.DELETED
        || stored.source() != WorkoutRecord.Source.RECORDED) {
      throw taken(stored);
    }
    return stored;
  }

  /** Finishes the caller's workout from its stored samples; finishing again returns the same result. */
  public WorkoutRecord finish(String athleteId, String workoutId) {
    return complete(owned(athleteId, workoutId), DeviceTotals.NONE);
  }

  /** Builds the summary of a workout being recorded or imported, and stores it with its event. */
  private WorkoutRecord complete(WorkoutRecord workout, DeviceTotals device) {
    if (workout.state() == WorkoutRecord.State.FINISHED) {
      return workout;
    }
    return store(summarized(workout, device));
  }

  /** The workout finished with its summary from its stored samples (and the device's totals), not yet stored. */
  private WorkoutRecord summarized(WorkoutRecord workout, DeviceTotals device) {
    return summarized(workout, device, samples.readAll(workout.workoutId()));
  }

  /** The same from samples at hand: an import's, just written in full, need not be read back. */
  private WorkoutRecord summarized(WorkoutRecord workout, DeviceTotals device, List<TrackPoint> points) {
    String workoutId = workout.workoutId();
    if (points.isEmpty() && !device.hasTimer()) {
      throw DomainException.failedPrecondition("workout " + workoutId + " has no samples to finish with");
    }
    Summary summary = DeviceFigures.merge(points.isEmpty() ? DeviceFigures.withoutSamples(workout.startTime())
        : SummaryCalculator.summarize(points, workout.sport()), device);
    List<PlausibilityCheck.Flag> flags = new ArrayList<>(PlausibilityCheck.check(workout.sport(), points));
    if (flags.stream().noneMatch(f -> f.rule().equals("speed"))) {
      PlausibilityCheck.averageSpeed(workout.sport(), summary.distanceM(), summary.movingS()).ifPresent(flags::add);
    }
    overlapping(workout, summary).ifPresent(flags::add);
    return workout.finished(summary.withFlags(flags));
  }

  private WorkoutRecord store(WorkoutRecord finished) {
    workouts.finish(finished, events.completed(finished));
    events.flush();
    return finished;
  }

  /**
   * A workout the caller may see: their own (whole), or another athlete's that is visible to everyone or to
   * their approved followers among whom the caller is, with nothing of it inside that athlete's privacy zones.
   * Blocks either way hide everything.
   */
  public WorkoutRecord get(String athleteId, String workoutId) {
    checkId(workoutId);
    WorkoutRecord workout = workouts.get(workoutId)
        .filter(w -> w.state() != WorkoutRecord.State.DELETED && !w.isBeingImported())
        .orElseThrow(() -> notFound(workoutId));
    if (workout.athleteId().equals(athleteId)) {
      return workout;
    }
    if (!mayView(workout, athleteId)) {
      throw notFound(workoutId);
    }
    return workout.hiding(social.privacyZones(workout.athleteId()));
  }

  /**
   * Changes the title and visibility of the caller's workout (null: unchanged); a finished workout's change is
   * announced as training.changed, so feeds drop it when it is narrowed.
   */
  public WorkoutRecord update(String athleteId, String workoutId, String title, Visibility visibility) {
    WorkoutRecord workout = owned(athleteId, workoutId);
    String newTitle = title == null ? workout.title() : checkedTitle(title);
    Visibility newVisibility = visibility == null ? workout.visibility() : visibility;
    if (newTitle.equals(workout.title()) && newVisibility == workout.visibility()) {
      return workout;
    }
    WorkoutRecord changed = workout.changed(newTitle, newVisibility);
    workouts.update(changed, changed.state() == WorkoutRecord.State.FINISHED ? events.changed(changed) : null);
    events.flush();
    return changed;
  }

  private boolean mayView(WorkoutRecord workout, String viewerId) {
    if (workout.visibility() == Visibility.ONLY_ME) {
      return false;
    }
    SocialGraph.Relationship relationship = social.relationship(viewerId, workout.athleteId());
    return !relationship.blocked() && (workout.visibility() == Visibility.EVERYONE || relationship.follows());
  }

  public WorkoutPage list(String athleteId, String position, int limit) {
    return workouts.listByAthlete(athleteId, position, limit);
  }

  /** Deletes the caller's workout; its samples and aggregates follow through training.deleted. */
  public void delete(String athleteId, String workoutId) {
    WorkoutRecord workout = owned(athleteId, workoutId);
    workouts.delete(workout, events.deleted(workout));
    events.flush();
  }

  /**
   * For the telemetry service: the caller's workout (PERMISSION_DENIED when it is another athlete's, NOT_FOUND
   * when there is none).
   */
  public WorkoutRecord authorizeSampleWrite(String athleteId, String workoutId) {
    checkId(workoutId);
    WorkoutRecord workout = workouts.get(workoutId)
        .filter(w -> w.state() != WorkoutRecord.State.DELETED)
        .orElseThrow(() -> notFound(workoutId));
    if (!workout.athleteId().equals(athleteId)) {
      throw DomainException.permissionDenied("workout " + workoutId + " belongs to another athlete");
    }
    return workout;
  }

  /** Creates a finished workout from a file's points alone; see {@link #importActivity}. */
  public WorkoutRecord importWorkout(String athleteId, StartCommand command, List<TrackPoint> points) {
    return importActivity(athleteId, command, List.of(ImportedLeg.ofPoints(points))).get(0);
  }

  /**
   * Creates the finished workouts of an imported file: one per session, linked as one multisport activity when
   * there are several (the first leg keeps the command's id, the others get ids derived from it, so importing
   * again finds them). A single session keeps the athlete's sport; legs take the file's. Every leg stays hidden
   * until all of their samples are written; when writing fails, nothing is visible and importing the same id
   * again resumes. The id of a workout recorded live, or deleted, is not taken over.
   */
  public List<WorkoutRecord> importActivity(String athleteId, StartCommand command, List<ImportedLeg> legs) {
    if (legs.isEmpty() || legs.size() > WorkoutLimits.MAX_SESSIONS) {
      throw DomainException.invalidArgument("data", legs.isEmpty() ? "the file has no activity in it"
          : "the file has " + legs.size() + " sessions; a multisport activity has at most "
              + WorkoutLimits.MAX_SESSIONS);
    }
    String title = checkedTitle(command.title() == null ? "" : command.title().strip());
    List<String> ids = legIds(athleteId, command.workoutId(), legs.size());
    List<WorkoutRecord> created = new ArrayList<>();
    for (int i = 0; i < legs.size(); i++) {
      ImportedLeg leg = legs.get(i);
      if (!leg.isWorkout()) {
        throw DomainException.invalidArgument("data",
            "the file has fewer than two timed points and no session timer" + (legs.size() > 1 ? " in a session" : ""));
      }
      Instant end = leg.points().isEmpty() ? leg.start() : leg.points().get(leg.points().size() - 1).time();
      if (end.isAfter(clock.instant().plus(CLOCK_SKEW))) {
        throw DomainException.invalidArgument("data", "the file has times in the future (" + end + ")");
      }
      StartCommand legCommand = legs.size() == 1
          ? new StartCommand(command.workoutId(), command.sport(), leg.start(), command.timeZone(),
              command.visibility(), title, command.gearId())
          : new StartCommand(ids.get(i), leg.sport() == null ? command.sport() : leg.sport(), leg.start(),
              command.timeZone(), command.visibility(), legTitle(title, leg.label(), i, legs.size()), "");
      created.add(newWorkout(athleteId, legCommand, WorkoutRecord.Source.IMPORTED)
          .inMultisport(legs.size() == 1 ? null : new Multisport(command.workoutId(), i + 1, ids)));
    }
    List<WorkoutRecord> pending = new ArrayList<>();
    for (int i = 0; i < legs.size(); i++) {
      WorkoutRecord stored = workouts.createIfAbsent(created.get(i));
      if (!stored.athleteId().equals(athleteId) || stored.state() == WorkoutRecord.State.DELETED
          || stored.source() != WorkoutRecord.Source.IMPORTED || !sameFile(stored, created.get(i))) {
        throw taken(stored);
      }
      if (stored.state() == WorkoutRecord.State.RECORDING && !legs.get(i).points().isEmpty()) {
        samples.write(stored.workoutId(), legs.get(i).points());
      }
      pending.add(stored);
    }
    List<WorkoutRecord> finished = new ArrayList<>();
    for (int i = 0; i < legs.size(); i++) {
      WorkoutRecord leg = pending.get(i);
      finished.add(leg.state() == WorkoutRecord.State.FINISHED ? leg
          : summarized(leg, legs.get(i).totals(), legs.get(i).points()));
    }
    for (int i = 0; i < legs.size(); i++) {
      if (pending.get(i).state() != WorkoutRecord.State.FINISHED) {
        store(finished.get(i));
      }
    }
    return finished;
  }

  /** Whether a stored import is the same leg of the same file (importing again resumes only that). */
  private static boolean sameFile(WorkoutRecord stored, WorkoutRecord created) {
    return stored.startTime().equals(created.startTime()) && stored.sport() == created.sport()
        && java.util.Objects.equals(stored.multisport(), created.multisport());
  }

  /**
   * The first leg keeps the activity's id; the others are named from it and the athlete, the same on every import
   * (and not what another athlete would derive from the same id).
   */
  private static List<String> legIds(String athleteId, String activityId, int legs) {
    List<String> ids = new ArrayList<>(List.of(activityId));
    for (int leg = 2; leg <= legs; leg++) {
      ids.add(UUID.nameUUIDFromBytes((athleteId + "/" + activityId + "/leg/" + leg).getBytes(StandardCharsets.UTF_8))
          .toString());
    }
    return ids;
  }

  private static String legTitle(String title, String label, int index, int legs) {
    String leg = (label.isBlank() ? "Leg" : label) + " (" + (index + 1) + " of " + legs + ")";
    if (title == null || title.isBlank()) {
      return leg;
    }
    int cut = Math.min(title.length(), MAX_TITLE - leg.length() - 3);
    if (cut < title.length() && Character.isHighSurrogate(title.charAt(cut - 1))) {
      cut--;
    }
    return title.substring(0, cut) + " · " + leg;
  }

  /** Another finished workout of the athlete that shares more than a minute with this one. */
  private java.util.Optional<PlausibilityCheck.Flag> overlapping(WorkoutRecord workout, Summary summary) {
    Instant start = workout.startTime();
    Instant end = summary.endTime();
    String position = null;
    for (int page = 0; page < OVERLAP_PAGES; page++) {
      WorkoutPage recent = workouts.listByAthlete(workout.athleteId(), position, 50);
      for (WorkoutRecord other : recent.workouts()) {
        if (other.startTime().isBefore(start.minus(Duration.ofDays(2)))) {
          return java.util.Optional.empty();
        }
        if (other.workoutId().equals(workout.workoutId()) || other.summary() == null
            || sameActivity(other, workout)) {
          continue;
        }
        Instant sharedFrom = other.startTime().isAfter(start) ? other.startTime() : start;
        Instant sharedTo = other.summary().endTime().isBefore(end) ? other.summary().endTime() : end;
        if (Duration.between(sharedFrom, sharedTo).compareTo(Duration.ofMinutes(1)) > 0) {
          return java.util.Optional.of(new PlausibilityCheck.Flag("overlap", "overlaps workout "
              + other.workoutId() + " of the same athlete (" + other.startTime() + " to "
              + other.summary().endTime() + ")"));
        }
      }
      position = recent.nextPosition();
      if (position == null) {
        break;
      }
    }
    return java.util.Optional.empty();
  }

  private static boolean sameActivity(WorkoutRecord a, WorkoutRecord b) {
    return a.multisport() != null && b.multisport() != null
        && a.multisport().activityId().equals(b.multisport().activityId());
  }

  private WorkoutRecord owned(String athleteId, String workoutId) {
    checkId(workoutId);
    WorkoutRecord workout = workouts.get(workoutId)
        .filter(w -> w.state() != WorkoutRecord.State.DELETED && !w.isBeingImported())
        .orElseThrow(() -> notFound(workoutId));
    if (workout.athleteId().equals(athleteId)) {
      return workout;
    }
    if (mayView(workout, athleteId)) {
      throw DomainException.permissionDenied("workout " + workoutId + " belongs to another athlete");
    }
    throw notFound(workoutId);
  }

  private WorkoutRecord newWorkout(String athleteId, StartCommand c, WorkoutRecord.Source source) {
    checkId(c.workoutId());
    if (c.sport() == null) {
      throw DomainException.invalidArgument("sport", "sport is required");
    }
    if (c.startTime() == null) {
      throw DomainException.invalidArgument("start_time", "start_time is required");
    }
    if (c.startTime().isAfter(clock.instant().plus(CLOCK_SKEW))) {
      throw DomainException.invalidArgument("start_time", "start_time " + c.startTime() + " is in the future");
    }
    String title = c.title() == null ? "" : c.title().strip();
    checkedTitle(title);
    Visibility visibility = c.visibility() == null ? Visibility.FOLLOWERS : c.visibility();
    String gearId = c.gearId() == null ? "" : c.gearId();
    if (!gearId.isEmpty() && !GEAR_ID.matcher(gearId).matches()) {
      throw DomainException.invalidArgument("gear_id", "gear_id must be 1..64 characters of [A-Za-z0-9_-]");
    }
    return new WorkoutRecord(c.workoutId(), athleteId, c.sport(), c.startTime(), zone(c.timeZone()), visibility,
        WorkoutRecord.State.RECORDING, title, source, null, gearId);
  }

  private static ZoneId zone(String timeZone) {
    if (timeZone == null || timeZone.isBlank()) {
      throw DomainException.invalidArgument("time_zone", "time_zone is required (IANA, e.g. Europe/Ljubljana)");
    }
    try {
      return ZoneId.of(timeZone);
    } catch (DateTimeException e) {
      throw DomainException.invalidArgument("time_zone", "time_zone " + timeZone + " is not an IANA zone");
    }
  }

  private static void checkId(String workoutId) {
    if (workoutId == null || !WORKOUT_ID.matcher(workoutId).matches()) {
      throw DomainException.invalidArgument("workout_id", "workout_id must be 8..64 characters of [A-Za-z0-9_-]");
    }
  }

  private static DomainException taken(WorkoutRecord stored) {
    return DomainException.alreadyExists("workout id " + stored.workoutId()
        + (stored.state() == WorkoutRecord.State.DELETED ? " belonged to a deleted workout; ids are never reused"
            : " is taken") + "; choose another");
  }

  private static DomainException notFound(String workoutId) {
    return DomainException.notFound("no workout " + workoutId);
  }

  private static String checkedTitle(String title) {
    if (title.length() > MAX_TITLE) {
      throw DomainException.invalidArgument("title", "title has more than " + MAX_TITLE + " characters");
    }
    return title;
  }
}
