package io.fitmesh.training.imports;

import com.garmin.fit.Decode;
import com.garmin.fit.FitRuntimeException;
import com.garmin.fit.MesgBroadcaster;
import com.garmin.fit.RecordMesg;
import com.garmin.fit.RecordMesgListener;
import io.fitmesh.platform.errors.DomainException;
import io.fitmesh.training.domain.TrackPoint;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the record messages of a FIT file with Garmin's FIT SDK: positions from semicircles to degrees,
 * enhanced speed and altitude where present. A file that fails the SDK's integrity check or decoding is
 * INVALID_ARGUMENT, with what the SDK said.
 */
final class FitFile {
  private static final double SEMICIRCLES_TO_DEGREES = 180.0 / 2147483648.0;

  private FitFile() {}

  static List<TrackPoint> read(byte[] data) {
    Decode decode = new Decode();
    if (!decode.checkFileIntegrity(new ByteArrayInputStream(data))) {
      throw DomainException.invalidArgument("data",
          "the FIT file is damaged or truncated (its header or checksum does not match)");
    }
    List<RecordMesg> records = new ArrayList<>();
    MesgBroadcaster broadcaster = new MesgBroadcaster(new Decode());
    broadcaster.addListener((RecordMesgListener) records::add);
    try {
      new Decode().read(new ByteArrayInputStream(data), broadcaster);
    } catch (FitRuntimeException e) {
      throw DomainException.invalidArgument("data", "the FIT file cannot be decoded: " + e.getMessage());
    }
    List<TrackPoint> points = new ArrayList<>();
    for (RecordMesg r : records) {
      if (r.getTimestamp() == null) {
        continue;
      }
      points.add(new TrackPoint(points.size(), r.getTimestamp().getDate().toInstant(),
          degrees(r.getPositionLat()), degrees(r.getPositionLong()),
          decimal(r.getEnhancedAltitude() != null ? r.getEnhancedAltitude() : r.getAltitude()),
          number(r.getHeartRate()), number(r.getCadence()), number(r.getPower()),
          decimal(r.getEnhancedSpeed() != null ? r.getEnhancedSpeed() : r.getSpeed()),
          decimal(r.getDistance())));
    }
    return points;
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
