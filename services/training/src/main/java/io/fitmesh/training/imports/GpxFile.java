package io.fitmesh.training.imports;

import io.fitmesh.platform.errors.DomainException;
import io.fitmesh.training.domain.TrackPoint;
import io.jenetics.jpx.GPX;
import io.jenetics.jpx.Length;
import io.jenetics.jpx.WayPoint;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the track points of a GPX file with jpx. A workout needs times: points without a time are skipped, and
 * a file where fewer than half the points are timed, or whose times are placeholders from before 1990, is
 * INVALID_ARGUMENT.
 */
final class GpxFile {
  private static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");

  private GpxFile() {}

  static List<TrackPoint> read(byte[] data) {
    GPX gpx;
    try {
      gpx = GPX.Reader.of(GPX.Reader.Mode.LENIENT).read(new ByteArrayInputStream(data));
    } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
      throw DomainException.invalidArgument("data", "the GPX file cannot be read: " + e.getMessage());
    }
    List<WayPoint> all = gpx.tracks().flatMap(t -> t.segments()).flatMap(s -> s.points()).toList();
    if (all.isEmpty()) {
      throw DomainException.invalidArgument("data", "the GPX file has no track points");
    }
    List<TrackPoint> points = new ArrayList<>();
    for (WayPoint p : all) {
      if (p.getTime().isEmpty()) {
        continue;
      }
      Instant time = p.getTime().get();
      if (time.isBefore(EARLIEST)) {
        throw DomainException.invalidArgument("data",
            "the GPX file's times are placeholders (" + time + "), not when the workout happened");
      }
      points.add(new TrackPoint(points.size(), time, p.getLatitude().doubleValue(), p.getLongitude().doubleValue(),
          p.getElevation().map(Length::doubleValue).orElse(null), null, null, null, null, null));
    }
    if (points.size() * 2 < all.size()) {
      throw DomainException.invalidArgument("data", "only " + points.size() + " of the GPX file's " + all.size()
          + " track points have a time; a workout needs timed points");
    }
    return points;
  }
}
