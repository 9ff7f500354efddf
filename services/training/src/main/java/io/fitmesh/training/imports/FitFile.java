package io.fitmesh.training.imports;

import com.garmin.fit.Decode;
import com.garmin.fit.FitRuntimeException;
import com.garmin.fit.Mesg;
import com.garmin.fit.MesgListener;
import com.garmin.fit.MesgNum;
import com.garmin.fit.RecordMesg;
import io.fitmesh.platform.errors.DomainException;
import io.fitmesh.platform.limits.WorkoutLimits;
import io.fitmesh.training.domain.TrackPoint;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Reads the record messages of a FIT file with Garmin's FIT SDK as a stream: each record becomes a track point
 * as it is decoded (positions from semicircles to degrees, enhanced speed and altitude where present), nothing
 * else is kept. At most {@link WorkoutLimits#MAX_FIT_MESSAGES} messages and {@link WorkoutLimits#MAX_SAMPLES}
 * timed records are read, and decoding stops when the call is cancelled. A file that fails the SDK's integrity
 * check or decoding is INVALID_ARGUMENT, in our words.
 */
final class FitFile {
  private static final double SEMICIRCLES_TO_DEGREES = 180.0 / 2147483648.0;
  private static final int CHECK_EVERY = 10_000;

  private FitFile() {}

  static List<TrackPoint> read(byte[] data, BooleanSupplier cancelled) {
    if (!new Decode().checkFileIntegrity(new ByteArrayInputStream(data))) {
      throw DomainException.invalidArgument("data",
          "the FIT file is damaged or truncated (its header or checksum does not match)");
    }
    Records records = new Records(cancelled);
    try {
      new Decode().read(new ByteArrayInputStream(data), records);
    } catch (Stop stop) {
      throw stop.reason;
    } catch (FitRuntimeException e) {
      if (e.getCause() instanceof Stop stop) {
        throw stop.reason;
      }
      throw DomainException.invalidArgument("data", "the FIT file cannot be decoded");
    }
    return records.points;
  }

  /** Turns record messages into points as they arrive; counts every message and checks for cancellation. */
  private static final class Records implements MesgListener {
    final List<TrackPoint> points = new ArrayList<>();
    private final BooleanSupplier cancelled;
    private int messages;

    Records(BooleanSupplier cancelled) {
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
      if (mesg.getNum() != MesgNum.RECORD) {
        return;
      }
      RecordMesg r = new RecordMesg(mesg);
      if (r.getTimestamp() == null) {
        return;
      }
      if (points.size() == WorkoutLimits.MAX_SAMPLES) {
        throw new Stop(DomainException.invalidArgument("data", "the FIT file has more than "
            + WorkoutLimits.MAX_SAMPLES + " records; a workout holds at most that many"));
      }
      points.add(new TrackPoint(points.size(), r.getTimestamp().getDate().toInstant(),
          degrees(r.getPositionLat()), degrees(r.getPositionLong()),
          decimal(r.getEnhancedAltitude() != null ? r.getEnhancedAltitude() : r.getAltitude()),
          number(r.getHeartRate()), number(r.getCadence()), number(r.getPower()),
          decimal(r.getEnhancedSpeed() != null ? r.getEnhancedSpeed() : r.getSpeed()),
          decimal(r.getDistance())));
    }
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
