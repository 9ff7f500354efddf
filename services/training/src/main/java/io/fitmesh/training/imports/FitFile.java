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

  private FitFile() {}

  static List<ImportedLeg> read(byte[] data, BooleanSupplier cancelled) {
    if (!new Decode().checkFileIntegrity(new ByteArrayInputStream(data))) {
      throw DomainException.invalidArgument("data",
          "the FIT file is damaged or truncated (its header or checksum does not match)");
    }
    Messages messages = new Messages(cancelled);
    try {
      new Decode().read(new ByteArrayInputStream(data), messages);
    } catch (Stop stop) {
      throw stop.reason;
    } catch (FitRuntimeException e) {
      if (e.getCause() instanceof Stop stop) {
        throw stop.reason;
      }
      throw DomainException.invalidArgument("data", "the FIT file cannot be decoded");
    }
    return messages.legs();
  }

  /** Keeps what an activity needs as messages arrive; counts every message and checks for cancellation. */
  private static final class Messages implements MesgListener {
    private final List<TrackPoint> records = new ArrayList<>();
    private final Set<Integer> resumed = new HashSet<>();
    private final List<SessionMesg> sessions = new ArrayList<>();
    private final List<LapMesg> laps = new ArrayList<>();
    private final List<LengthMesg> lengths = new ArrayList<>();
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
        case MesgNum.SESSION -> sessions.add(new SessionMesg(mesg));
        case MesgNum.LAP -> laps.add(new LapMesg(mesg));
        case MesgNum.LENGTH -> lengths.add(new LengthMesg(mesg));
        default -> { }
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
      if (timerStopped) {
        resumed.add(records.size());
        timerStopped = false;
      }
      records.add(new TrackPoint(records.size(), r.getTimestamp().getDate().toInstant(),
          degrees(r.getPositionLat()), degrees(r.getPositionLong()),
          decimal(r.getEnhancedAltitude() != null ? r.getEnhancedAltitude() : r.getAltitude()),
          number(r.getHeartRate()), number(r.getCadence()), number(r.getPower()),
          decimal(r.getEnhancedSpeed() != null ? r.getEnhancedSpeed() : r.getSpeed()),
          decimal(r.getDistance())));
    }

    /** One leg per session (by start time), or one of every record when the file has no session. */
    List<ImportedLeg> legs() {
      List<SessionMesg> timed = sessions.stream().filter(s -> s.getStartTime() != null)
          .sorted(Comparator.comparing(s -> s.getStartTime().getDate())).toList();
      if (timed.isEmpty()) {
        return List.of(ImportedLeg.ofPoints(ClockRepair.repair(records, resumed)));
      }
      List<List<TrackPoint>> pointsOf = new ArrayList<>();
      List<Set<Integer>> resumedOf = new ArrayList<>();
      for (int s = 0; s < timed.size(); s++) {
        pointsOf.add(new ArrayList<>());
        resumedOf.add(new HashSet<>());
      }
      for (int i = 0; i < records.size(); i++) {
        int s = sessionOf(timed, records.get(i).time());
        if (resumed.contains(i)) {
          resumedOf.get(s).add(pointsOf.get(s).size());
        }
        pointsOf.get(s).add(records.get(i));
      }
      List<ImportedLeg> legs = new ArrayList<>();
      for (int s = 0; s < timed.size(); s++) {
        SessionMesg session = timed.get(s);
        List<TrackPoint> points = ClockRepair.repair(pointsOf.get(s), resumedOf.get(s));
        Instant start = points.isEmpty() ? session.getStartTime().getDate().toInstant() : points.get(0).time();
        legs.add(new ImportedLeg(sport(session), label(session), start, points, totals(session, timed, s)));
      }
      List<ImportedLeg> workouts = legs.stream().filter(ImportedLeg::isWorkout).toList();
      return workouts.isEmpty() ? legs : workouts;
    }

    private DeviceTotals totals(SessionMesg session, List<SessionMesg> timed, int index) {
      List<DeviceTotals.Lap> sessionLaps = new ArrayList<>();
      for (LapMesg lap : laps) {
        if (lap.getStartTime() != null && sessionOf(timed, lap.getStartTime().getDate().toInstant()) == index
            && lap.getTotalDistance() != null && lap.getTotalTimerTime() != null) {
          sessionLaps.add(new DeviceTotals.Lap(lap.getTotalDistance(), lap.getTotalTimerTime(),
              number(lap.getTotalAscent())));
        }
      }
      Integer activeLengths = session.getNumActiveLengths();
      if (activeLengths == null) {
        int counted = 0;
        for (LengthMesg length : lengths) {
          if (length.getLengthType() == LengthType.ACTIVE && length.getStartTime() != null
              && sessionOf(timed, length.getStartTime().getDate().toInstant()) == index) {
            counted++;
          }
        }
        activeLengths = counted == 0 ? null : counted;
      }
      return new DeviceTotals(decimal(session.getTotalDistance()), decimal(session.getTotalTimerTime()),
          decimal(session.getTotalElapsedTime()), number(session.getAvgHeartRate()),
          number(session.getMaxHeartRate()), number(session.getAvgPower()), number(session.getAvgCadence()),
          number(session.getTotalCalories()), number(session.getTotalAscent()), number(session.getTotalDescent()),
          decimal(session.getEnhancedMaxSpeed() != null ? session.getEnhancedMaxSpeed() : session.getMaxSpeed()),
          decimal(session.getPoolLength()), activeLengths, sessionLaps);
    }
  }

  /** The last session that started at or before {@code time}; the first for anything earlier. */
  private static int sessionOf(List<SessionMesg> timed, Instant time) {
    int found = 0;
    for (int s = 1; s < timed.size(); s++) {
      if (!timed.get(s).getStartTime().getDate().toInstant().isAfter(time)) {
        found = s;
      }
    }
    return found;
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
