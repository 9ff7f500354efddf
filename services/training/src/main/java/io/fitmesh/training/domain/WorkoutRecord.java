package io.fitmesh.training.domain;

import java.time.Instant;
import java.time.ZoneId;

/** A workout as the training service keeps it. Immutable. */
public record WorkoutRecord(
    String workoutId,
    String athleteId,
    Sport sport,
    Instant startTime,
    ZoneId timeZone,
    Visibility visibility,
    State state,
    String title,
    Source source,
    Summary summary,
    String gearId,
    Multisport multisport) {

  /** Not a leg of a multisport activity. */
  public WorkoutRecord(String workoutId, String athleteId, Sport sport, Instant startTime, ZoneId timeZone,
      Visibility visibility, State state, String title, Source source, Summary summary, String gearId) {
    this(workoutId, athleteId, sport, startTime, timeZone, visibility, state, title, source, summary, gearId, null);
  }

  /** Without gear named: the default gear of its sport. */
  public WorkoutRecord(String workoutId, String athleteId, Sport sport, Instant startTime, ZoneId timeZone,
      Visibility visibility, State state, String title, Source source, Summary summary) {
    this(workoutId, athleteId, sport, startTime, timeZone, visibility, state, title, source, summary, "");
  }

  /** DELETED is a tombstone: the id stays taken, nothing else of the workout is kept. */
  public enum State { RECORDING, FINISHED, DELETED }

  public enum Source { RECORDED, IMPORTED }

  public WorkoutRecord finished(Summary summary) {
    return new WorkoutRecord(workoutId, athleteId, sport, startTime, timeZone, visibility, State.FINISHED, title,
        source, summary, gearId, multisport);
  }

  /** As a leg of a multisport activity (null: not one). */
  public WorkoutRecord inMultisport(Multisport link) {
    return new WorkoutRecord(workoutId, athleteId, sport, startTime, timeZone, visibility, state, title, source,
        summary, gearId, link);
  }

  /** What remains of a deleted workout: its id and owner. */
  public static WorkoutRecord tombstone(String workoutId, String athleteId) {
    return new WorkoutRecord(workoutId, athleteId, Sport.OTHER, Instant.EPOCH, java.time.ZoneOffset.UTC,
        Visibility.ONLY_ME, State.DELETED, "", Source.RECORDED, null);
  }

  /** An import whose samples are still being written: nobody sees it until it is finished. */
  public boolean isBeingImported() {
    return source == Source.IMPORTED && state == State.RECORDING;
  }

  /** With a new title and visibility. */
  public WorkoutRecord changed(String newTitle, Visibility newVisibility) {
    return new WorkoutRecord(workoutId, athleteId, sport, startTime, timeZone, newVisibility, state, newTitle, source,
        summary, gearId, multisport);
  }

  /** As anyone but its athlete sees it: nothing of the track inside the athlete's privacy zones. */
  public WorkoutRecord hiding(java.util.List<io.fitmesh.platform.geo.PrivacyZone> zones) {
    return summary == null || zones.isEmpty() ? this : new WorkoutRecord(workoutId, athleteId, sport, startTime,
        timeZone, visibility, state, title, source, summary.hiding(zones), gearId, multisport);
  }
}
