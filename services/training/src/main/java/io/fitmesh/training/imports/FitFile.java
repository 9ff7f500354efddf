package io.fitmesh.training.imports;

import com.garmin.fit.Decode;
import com.garmin.fit.Event;
import com.garmin.fit.EventMesg;
import com.garmin.fit.EventType;
import com.garmin.fit.FitRuntimeException;
import com.garmin.fit.LapMesg;
import com.garmin.fit.LengthMesg;
import com.garmin.fit.LengthType;
import com.garmin.fit.Mesg;
import com.garmin.fit.MesgListener;
import com.garmin.fit.MesgNum;
import com.garmin.fit.RecordMesg;
import com.garmin.fit.SessionMesg;
import com.garmin.fit.SubSport;
import io.fitmesh.platform.errors.DomainException;
import io.fitmesh.platform.limits.WorkoutLimits;
import io.fitmesh.training.domain.DeviceTotals;
import io.fitmesh.training.domain.ImportedLeg;
import io.fitmesh.training.domain.Sport;
import io.fitmesh.training.domain.TrackPoint;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Reads a FIT activity with Garmin's FIT SDK as a stream: record messages become track points as they are decoded
 * (positions from semicircles to degrees, enhanced speed and altitude where present); session, lap and length
 * messages become each session's {@link DeviceTotals}; timer events mark pauses. A file with several sessions
 * (a triathlon: swim, transition, bike, transition, run) becomes one {@link ImportedLeg} per session, each with the
 * records from its start to the next session's; a file without sessions, one leg of all its records. Clock jumps
 * are repaired per leg ({@link ClockRepair}).
 *
 * <p>At most {@link WorkoutLimits#MAX_FIT_MESSAGES} messages and {@link WorkoutLimits#MAX_SAMPLES} timed records
 * are read, and decoding stops when the call is cancelled. A file that fails the SDK's integrity check or decoding
 * is INVALID_ARGUMENT, in our words.
 */
final class FitFile {
  private static final double SEMICIRCLES_TO_DEGREES = 180.0 / 2147483648.0;
  private static final int CHECK_EVERY = 10_000;
  private static final Duration OVERLAP_SLACK = Duration.ofMinutes(1);

  private FitFile() {}

  static List<ImportedLeg> read(byte[] data, BooleanSupplier cancelled) {
    try {
      if (!new Decode().checkFileIntegrity(new ByteArrayInputStream(data))) {
        throw DomainException.invalidArgument("data",
            "the FIT file is damaged or truncated (its header or checksum does not match)");
      }
      Messages messages = new Messages(cancelled);
      new Decode().read(new ByteArrayInputStream(data), messages);
      return messages.legs();
    } catch (Stop stop) {
      throw stop.reason;
    } catch (DomainException | CancellationException e) {
      throw e;
    } catch (RuntimeException e) {
      if (e.getCause() instanceof Stop stop) {
        throw stop.reason;
      }
      throw DomainException.invalidArgument("data", "the FIT file cannot be decoded");
    }
  }

  /** Keeps what an activity needs as messages arrive; counts every message and checks for cancellation. */
  private static final class Messages implements MesgListener {
    private final List<TrackPoint> records = new ArrayList<>();
    private final Set<Integer> resumed = new HashSet<>();
    private final List<SessionMesg> sessions = new ArrayList<>();
    private final List<Lap> laps = new ArrayList<>();
    private final List<Instant> activeLengths = new ArrayList<>();
    private int lengths;
    private final BooleanSupplier cancelled;
    private boolean timerStopped;
    private int messages;

    Messages(BooleanSupplier cancelled) {
      this.cancelled = cancelled;
    }

    @Override
    public void onMesg(Mesg mesg) {
      if (++messages > WorkoutLimits.MAX_FIT_MESSAGES) {
        throw new Stop(DomainException.invalidArgument("data", "the FIT file has more than "
            + WorkoutLimits.MAX_FIT_MESSAGES + " messages; an activity has far fewer"));
      }
      if (messages % CHECK_EVERY == 0 && cancelled.getAsBoolean()) {
        throw new Stop(new CancellationException("the import was cancelled"));
      }
      switch (mesg.getNum()) {
        case MesgNum.RECORD -> record(new RecordMesg(mesg));
        case MesgNum.EVENT -> event(new EventMesg(mesg));
        case MesgNum.SESSION -> session(new SessionMesg(mesg));
        case MesgNum.LAP -> lap(new LapMesg(mesg));
        case MesgNum.LENGTH -> length(new LengthMesg(mesg));
        default -> { }
      }
    }

    private void session(SessionMesg session) {
      if (sessions.size() == WorkoutLimits.MAX_SESSIONS) {
        throw new Stop(DomainException.invalidArgument("data", "the FIT file has more than "
            + WorkoutLimits.MAX_SESSIONS + " sessions; a multisport activity has at most that many"));
      }
      if (session.getStartTime() != null) {
        sessions.add(session);
      }
    }

    private void lap(LapMesg lap) {
      if (laps.size() == WorkoutLimits.MAX_LAPS) {
        throw new Stop(DomainException.invalidArgument("data", "the FIT file has more than "
            + WorkoutLimits.MAX_LAPS + " laps"));
      }
      if (lap.getStartTime() != null && lap.getTotalDistance() != null && lap.getTotalTimerTime() != null) {
        laps.add(new Lap(lap.getStartTime().getDate().toInstant(), new DeviceTotals.Lap(lap.getTotalDistance(),
            lap.getTotalTimerTime(), number(lap.getTotalAscent()))));
      }
    }

    private void length(LengthMesg length) {
      if (++lengths > WorkoutLimits.MAX_LENGTHS) {
        throw new Stop(DomainException.invalidArgument("data", "the FIT file has more than "
            + WorkoutLimits.MAX_LENGTHS + " pool lengths"));
      }
      if (length.getLengthType() == LengthType.ACTIVE && length.getStartTime() != null) {
        activeLengths.add(length.getStartTime().getDate().toInstant());
      }
    }

    private void event(EventMesg e) {
      if (e.getEvent() == Event.TIMER && e.getEventType() != null) {
        EventType type = e.getEventType();
        if (type == EventType.STOP || type == EventType.STOP_ALL || type == EventType.STOP_DISABLE
            || type == EventType.STOP_DISABLE_ALL) {
          timerStopped = true;
        }
      }
    }

    private void record(RecordMesg r) {
      if (r.getTimestamp() == null) {
        return;
      }
      if (records.size() == WorkoutLimits.MAX_SAMPLES) {
        throw new Stop(DomainException.invalidArgument("data", "the FIT file has more than "
            + WorkoutLimits.MAX_SAMPLES + " records; a workout holds at most that many"));
      }
      Instant time = r.getTimestamp().getDate().toInstant();
      if (time.isBefore(WorkoutFiles.EARLIEST)) {
        throw new Stop(DomainException.invalidArgument("data", "the FIT file's times are placeholders (" + time
            + "), not when the workout happened"));
      }
      if (timerStopped) {
        resumed.add(records.size());
        timerStopped = false;
      }
      Double latitude = degrees(r.getPositionLat());
      Double longitude = degrees(r.getPositionLong());
      boolean positioned = latitude != null && longitude != null && Math.abs(latitude) <= 90
          && Math.abs(longitude) <= 180;
      records.add(new TrackPoint(records.size(), time, positioned ? latitude : null, positioned ? longitude : null,
          decimal(r.getEnhancedAltitude() != null ? r.getEnhancedAltitude() : r.getAltitude()),
          number(r.getHeartRate()), number(r.getCadence()), number(r.getPower()),
          decimal(r.getEnhancedSpeed() != null ? r.getEnhancedSpeed() : r.getSpeed()),
          decimal(r.getDistance())));
    }

    /** One leg per session (by start time), or one of every record when the file has no session. */
    List<ImportedLeg> legs() {
      if (cancelled.getAsBoolean()) {
        throw new CancellationException("the import was cancelled");
      }
      List<SessionMesg> timed = sessions.stream()
          .sorted(Comparator.comparing(s -> s.getStartTime().getDate())).toList();
      if (timed.isEmpty()) {
        return List.of(ImportedLeg.ofPoints(ClockRepair.repair(records, resumed)));
      }
      Instant[] starts = timed.stream().map(s -> s.getStartTime().getDate().toInstant()).toArray(Instant[]::new);
      refuseOverlaps(timed, starts);
      List<List<TrackPoint>> pointsOf = new ArrayList<>();
      List<Set<Integer>> resumedOf = new ArrayList<>();
      List<List<DeviceTotals.Lap>> lapsOf = new ArrayList<>();
      int[] lengthsOf = new int[timed.size()];
      for (int s = 0; s < timed.size(); s++) {
        pointsOf.add(new ArrayList<>());
        resumedOf.add(new HashSet<>());
        lapsOf.add(new ArrayList<>());
      }
      for (int i = 0; i < records.size(); i++) {
        int s = sessionOf(starts, records.get(i).time());
        if (resumed.contains(i)) {
          resumedOf.get(s).add(pointsOf.get(s).size());
        }
        pointsOf.get(s).add(records.get(i));
      }
      laps.forEach(lap -> lapsOf.get(sessionOf(starts, lap.start())).add(lap.totals()));
      activeLengths.forEach(start -> lengthsOf[sessionOf(starts, start)]++);
      List<ImportedLeg> legs = new ArrayList<>();
      for (int s = 0; s < timed.size(); s++) {
        SessionMesg session = timed.get(s);
        List<TrackPoint> points = ClockRepair.repair(pointsOf.get(s), resumedOf.get(s));
        Instant start = points.isEmpty() ? starts[s] : points.get(0).time();
        legs.add(new ImportedLeg(sport(session), label(session), start, points,
            totals(session, lapsOf.get(s), lengthsOf[s])));
      }
      List<ImportedLeg> workouts = legs.stream().filter(ImportedLeg::isWorkout).toList();
      return workouts.isEmpty() ? legs : workouts;
    }

    /** Sessions of one file follow each other: one starting before the last ended (by more than a minute) is not. */
    private void refuseOverlaps(List<SessionMesg> timed, Instant[] starts) {
      for (int s = 1; s < timed.size(); s++) {
        Float elapsed = timed.get(s - 1).getTotalElapsedTime();
        Instant previousEnd = elapsed == null || !Float.isFinite(elapsed) || elapsed < 0 ? starts[s - 1]
            : starts[s - 1].plusMillis((long) Math.min(elapsed, DeviceTotals.MAX_DURATION_S) * 1000);
        if (starts[s].plus(OVERLAP_SLACK).isBefore(previousEnd)) {
          throw new Stop(DomainException.invalidArgument("data", "the FIT file's sessions overlap (one starts at "
              + starts[s] + ", before the one before it ends at " + previousEnd + "); a file's sessions follow "
              + "each other"));
        }
      }
    }

    private DeviceTotals totals(SessionMesg session, List<DeviceTotals.Lap> sessionLaps, int countedLengths) {
      Integer activeLengths = session.getNumActiveLengths() != null ? session.getNumActiveLengths()
          : countedLengths == 0 ? null : countedLengths;
      return new DeviceTotals(decimal(session.getTotalDistance()), decimal(session.getTotalTimerTime()),
          decimal(session.getTotalElapsedTime()), number(session.getAvgHeartRate()),
          number(session.getMaxHeartRate()), number(session.getAvgPower()), number(session.getAvgCadence()),
          number(session.getTotalCalories()), number(session.getTotalAscent()), number(session.getTotalDescent()),
          decimal(session.getEnhancedMaxSpeed() != null ? session.getEnhancedMaxSpeed() : session.getMaxSpeed()),
          decimal(session.getPoolLength()), activeLengths, sessionLaps);
    }
  }

  /** A lap as kept: when it started (to find its session) and its totals. */
  private record Lap(Instant start, DeviceTotals.Lap totals) {}

  /** The last session that started at or before {@code time}; the first for anything earlier. */
  private static int sessionOf(Instant[] starts, Instant time) {
    int low = 0;
    int high = starts.length - 1;
    while (low < high) {
      int middle = (low + high + 1) >>> 1;
      if (starts[middle].isAfter(time)) {
        high = middle - 1;
      } else {
        low = middle;
      }
    }
    return low;
  }

  private static Sport sport(SessionMesg session) {
    com.garmin.fit.Sport sport = session.getSport();
    if (sport == null) {
      return null;
    }
    SubSport sub = session.getSubSport();
    return switch (sport) {
      case RUNNING -> Sport.RUN;
      case CYCLING -> sub == SubSport.VIRTUAL_ACTIVITY || sub == SubSport.INDOOR_CYCLING ? Sport.VIRTUAL_RIDE
          : Sport.RIDE;
      case SWIMMING -> Sport.SWIM;
      case WALKING -> Sport.WALK;
      case HIKING -> Sport.HIKE;
      default -> Sport.OTHER;
    };
  }

  private static String label(SessionMesg session) {
    com.garmin.fit.Sport sport = session.getSport();
    if (sport == null) {
      return "";
    }
    return switch (sport) {
      case RUNNING -> "Run";
      case CYCLING -> "Bike";
      case SWIMMING -> "Swim";
      case TRANSITION -> "Transition";
      case WALKING -> "Walk";
      case HIKING -> "Hike";
      default -> "Leg";
    };
  }

  /** Ends decoding from inside the SDK's loop with the failure to report. */
  private static final class Stop extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient RuntimeException reason;

    Stop(RuntimeException reason) {
      super(null, null, false, false);
      this.reason = reason;
    }
  }

  private static Double degrees(Integer semicircles) {
    return semicircles == null ? null : semicircles * SEMICIRCLES_TO_DEGREES;
  }

  private static Double decimal(Float value) {
    return value == null ? null : Double.valueOf(value.toString());
  }

  private static Double number(Number value) {
    return value == null ? null : value.doubleValue();
  }
}
