package io.fitmesh.training.imports;

import io.fitmesh.platform.errors.DomainException;
import io.fitmesh.platform.limits.WorkoutLimits;
import io.fitmesh.platform.xml.SafeXml;
import io.fitmesh.training.domain.TrackPoint;
import java.io.ByteArrayInputStream;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the track points of a GPX 1.0 or 1.1 file as a stream with the project's safe parser ({@link SafeXml}):
 * a file that declares a DTD or uses an entity is refused before anything is resolved, so it can neither fetch a
 * URL nor read a local file. Heart rate, cadence, power and speed come from the common extensions (Garmin's
 * TrackPointExtension v1/v2 {@code hr}, {@code cad}, {@code speed}; {@code power} or {@code PowerInWatts}).
 * A workout needs times: untimed points are skipped, and a file where fewer than half the points are timed, or
 * whose times are placeholders from before 1990, is INVALID_ARGUMENT. A jump of the device's clock within a track
 * segment is repaired ({@link ClockRepair}); a new segment is a pause. Errors say what is wrong in our words,
 * never the parser's.
 */
final class GpxFile {
  private static final int CHECK_EVERY = 10_000;

  private GpxFile() {}

  static List<TrackPoint> read(byte[] data, BooleanSupplier cancelled) {
    List<TrackPoint> points = new ArrayList<>();
    Set<Integer> segmentStarts = new HashSet<>();
    boolean newSegment = false;
    int all = 0;
    XMLStreamReader xml = null;
    try {
      xml = SafeXml.streamReader(new ByteArrayInputStream(data));
      Point current = null;
      boolean gpx = false;
      while (xml.hasNext()) {
        int event = xml.next();
        if (event == XMLStreamConstants.DTD) {
          throw invalid("GPX files may not declare a document type (DTD)");
        }
        if (event == XMLStreamConstants.ENTITY_REFERENCE) {
          throw invalid("GPX files may not use entities");
        }
        if (event == XMLStreamConstants.START_ELEMENT) {
          String name = xml.getLocalName();
          gpx |= name.equals("gpx");
          newSegment |= name.equals("trkseg");
          if (name.equals("trkpt")) {
            if (++all > WorkoutLimits.MAX_SAMPLES) {
              throw invalid("the GPX file has more than " + WorkoutLimits.MAX_SAMPLES
                  + " track points; a workout holds at most that many");
            }
            if (all % CHECK_EVERY == 0 && cancelled.getAsBoolean()) {
              throw new CancellationException("the import was cancelled");
            }
            current = new Point(coordinate(xml.getAttributeValue(null, "lat"), "lat", 90),
                coordinate(xml.getAttributeValue(null, "lon"), "lon", 180));
          } else if (current != null) {
            current.read(name, xml);
          }
        } else if (event == XMLStreamConstants.END_ELEMENT && current != null
            && xml.getLocalName().equals("trkpt")) {
          if (current.time != null) {
            if (newSegment && !points.isEmpty()) {
              segmentStarts.add(points.size());
            }
            newSegment = false;
            points.add(current.toTrackPoint(points.size()));
          }
          current = null;
        }
      }
      if (!gpx) {
        throw invalid("the file is not a GPX file (no <gpx> element)");
      }
    } catch (XMLStreamException e) {
      throw invalid("the GPX file is not well-formed XML"
          + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNumber() + ")"));
    } finally {
      close(xml);
    }
    if (all == 0) {
      throw invalid("the GPX file has no track points");
    }
    if (points.size() * 2 < all) {
      throw invalid("only " + points.size() + " of the GPX file's " + all
          + " track points have a time; a workout needs timed points");
    }
    return ClockRepair.repair(points, segmentStarts);
  }

  /** One track point being read. */
  private static final class Point {
    final double lat;
    final double lon;
    Instant time;
    Double elevation;
    Double heartRate;
    Double cadence;
    Double power;
    Double speed;

    Point(double lat, double lon) {
      this.lat = lat;
      this.lon = lon;
    }

    void read(String element, XMLStreamReader xml) throws XMLStreamException {
      switch (element) {
        case "time" -> time = time(xml.getElementText());
        case "ele" -> elevation = number(xml.getElementText(), "ele");
        case "hr" -> heartRate = number(xml.getElementText(), "hr");
        case "cad" -> cadence = number(xml.getElementText(), "cad");
        case "power", "PowerInWatts" -> power = number(xml.getElementText(), "power");
        case "speed" -> speed = number(xml.getElementText(), "speed");
        default -> { }
      }
    }

    TrackPoint toTrackPoint(long seq) {
      return new TrackPoint(seq, time, lat, lon, elevation, heartRate, cadence, power, speed, null);
    }
  }

  private static Instant time(String text) {
    String t = text.strip();
    Instant time;
    try {
      time = OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeException e) {
      try {
        time = LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
      } catch (DateTimeException e2) {
        throw invalid("a track point's time is not an ISO 8601 time");
      }
    }
    if (time.isBefore(WorkoutFiles.EARLIEST)) {
      throw invalid("the GPX file's times are placeholders (" + time + "), not when the workout happened");
    }
    return time;
  }

  private static double coordinate(String text, String name, double limit) {
    if (text == null) {
      throw invalid("a track point has no " + name);
    }
    Double value = number(text, name);
    if (Math.abs(value) > limit) {
      throw invalid("a track point's " + name + " is outside -" + (int) limit + ".." + (int) limit);
    }
    return value;
  }

  private static Double number(String text, String name) {
    try {
      double value = Double.parseDouble(text.strip());
      if (!Double.isFinite(value)) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw invalid("a track point's " + name + " is not a number");
    }
  }

  private static DomainException invalid(String message) {
    return DomainException.invalidArgument("data", message);
  }

  private static void close(XMLStreamReader xml) {
    if (xml != null) {
      try {
        xml.close();
      } catch (XMLStreamException e) {
        // nothing to release beyond the byte array
      }
    }
  }
}
