package io.fitmesh.testkit;

import com.garmin.fit.BufferEncoder;
import com.garmin.fit.DateTime;
import com.garmin.fit.Event;
import com.garmin.fit.EventMesg;
import com.garmin.fit.EventType;
import com.garmin.fit.File;
import com.garmin.fit.Fit;
import com.garmin.fit.FileIdMesg;
import com.garmin.fit.LapMesg;
import com.garmin.fit.LengthMesg;
import com.garmin.fit.LengthType;
import com.garmin.fit.Manufacturer;
import com.garmin.fit.RecordMesg;
import com.garmin.fit.SessionMesg;
import com.garmin.fit.Sport;
import com.garmin.fit.SubSport;
import java.time.Instant;

/**
 * Writes FIT activity files for tests with Garmin's FIT SDK encoder, message by message as a device does: a file id,
 * then records, timer events, lengths, laps and sessions in the order the test calls them.
 */
public final class FitWriter {
  private static final double DEGREES_TO_SEMICIRCLES = 2147483648.0 / 180.0;
  private final BufferEncoder encoder = new BufferEncoder(Fit.ProtocolVersion.V2_0);
  private byte[] file;

  public FitWriter(Instant created) {
    FileIdMesg id = new FileIdMesg();
    id.setType(File.ACTIVITY);
    id.setManufacturer(Manufacturer.GARMIN);
    id.setProduct(3113);
    id.setSerialNumber(3_999_000_001L);
    id.setTimeCreated(time(created));
    encoder.write(id);
  }

  /** A record; null leaves a field out. */
  public FitWriter record(Instant at, Double latitude, Double longitude, Integer heartRate, Double distanceM,
      Double speedMps, Integer power, Integer cadence) {
    RecordMesg r = new RecordMesg();
    r.setTimestamp(time(at));
    if (latitude != null) {
      r.setPositionLat((int) Math.round(latitude * DEGREES_TO_SEMICIRCLES));
      r.setPositionLong((int) Math.round(longitude * DEGREES_TO_SEMICIRCLES));
    }
    if (heartRate != null) {
      r.setHeartRate(heartRate.shortValue());
    }
    if (distanceM != null) {
      r.setDistance(distanceM.floatValue());
    }
    if (speedMps != null) {
      r.setEnhancedSpeed(speedMps.floatValue());
    }
    if (power != null) {
      r.setPower(power);
    }
    if (cadence != null) {
      r.setCadence(cadence.shortValue());
    }
    encoder.write(r);
    return this;
  }

  /** The timer started (or resumed) or stopped, as the device logs it. */
  public FitWriter timer(Instant at, boolean start) {
    EventMesg e = new EventMesg();
    e.setTimestamp(time(at));
    e.setEvent(Event.TIMER);
    e.setEventType(start ? EventType.START : EventType.STOP_ALL);
    encoder.write(e);
    return this;
  }

  /** One pool length (active: swum; idle: resting at the wall). */
  public FitWriter length(Instant start, double seconds, boolean active) {
    LengthMesg l = new LengthMesg();
    l.setStartTime(time(start));
    l.setTimestamp(time(start.plusMillis((long) (seconds * 1000))));
    l.setTotalTimerTime((float) seconds);
    l.setLengthType(active ? LengthType.ACTIVE : LengthType.IDLE);
    encoder.write(l);
    return this;
  }

  public FitWriter lap(Instant start, double distanceM, double timerS) {
    LapMesg l = new LapMesg();
    l.setStartTime(time(start));
    l.setTimestamp(time(start.plusMillis((long) (timerS * 1000))));
    l.setTotalDistance((float) distanceM);
    l.setTotalTimerTime((float) timerS);
    l.setTotalElapsedTime((float) timerS);
    encoder.write(l);
    return this;
  }

  /** A session's totals as the device closed it; null leaves a total out. */
  public FitWriter session(Session s) {
    SessionMesg m = new SessionMesg();
    m.setStartTime(time(s.start()));
    m.setTimestamp(time(s.start().plusMillis((long) (s.elapsedS() * 1000))));
    m.setSport(s.sport());
    m.setSubSport(s.subSport());
    m.setTotalElapsedTime((float) s.elapsedS());
    m.setTotalTimerTime((float) s.timerS());
    if (s.distanceM() != null) {
      m.setTotalDistance(s.distanceM().floatValue());
    }
    if (s.averageHeartRate() != null) {
      m.setAvgHeartRate(s.averageHeartRate().shortValue());
      m.setMaxHeartRate((short) (s.averageHeartRate() + 20));
    }
    if (s.calories() != null) {
      m.setTotalCalories(s.calories());
    }
    if (s.poolLengthM() != null) {
      m.setPoolLength(s.poolLengthM().floatValue());
    }
    if (s.activeLengths() != null) {
      m.setNumActiveLengths(s.activeLengths());
    }
    encoder.write(m);
    return this;
  }

  /** The finished file; nothing may be written after. */
  public byte[] bytes() {
    if (file == null) {
      file = encoder.close();
    }
    return file.clone();
  }

  /** What a session message says; see {@link #session}. */
  public record Session(Sport sport, SubSport subSport, Instant start, double elapsedS, double timerS,
      Double distanceM, Integer averageHeartRate, Integer calories, Double poolLengthM, Integer activeLengths) {

    public static Session of(Sport sport, Instant start, double elapsedS, double timerS, Double distanceM) {
      return new Session(sport, SubSport.GENERIC, start, elapsedS, timerS, distanceM, null, null, null, null);
    }
  }

  private static DateTime time(Instant at) {
    return new DateTime(java.util.Date.from(at));
  }
}
