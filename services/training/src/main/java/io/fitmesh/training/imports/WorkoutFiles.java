package io.fitmesh.training.imports;

import io.fitmesh.platform.errors.DomainException;
import io.fitmesh.platform.limits.WorkoutLimits;
import io.fitmesh.training.domain.ImportedLeg;
import io.fitmesh.training.domain.StartCommand;
import io.fitmesh.training.domain.TrackPoint;
import io.fitmesh.training.domain.TrainingService;
import io.fitmesh.training.domain.WorkoutRecord;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Imports a FIT or GPX file: parse it whole first, then hand its sessions to {@link TrainingService}. */
public final class WorkoutFiles {
  public static final int MAX_BYTES = WorkoutLimits.MAX_FILE_BYTES;
  /** Times before this in a file are a device's placeholders, not when a workout happened. */
  static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");

  /** The file formats a workout can be imported from. */
  public enum Format { FIT, GPX }

  private WorkoutFiles() {}

  /** Imports the file's sessions as finished workouts (one, or the legs of a multisport activity). */
  public static List<WorkoutRecord> importFile(TrainingService training, String athleteId, StartCommand command,
      Format format, byte[] data, BooleanSupplier cancelled) {
    return training.importActivity(athleteId, command, legs(format, data, cancelled));
  }

  /** Every point of the file, leg after leg (for tools and tests). */
  public static List<TrackPoint> parse(Format format, byte[] data) {
    return legs(format, data, () -> false).stream().flatMap(leg -> leg.points().stream()).toList();
  }

  /** The file's sessions with their points and device totals; stops (CancellationException) once cancelled. */
  public static List<ImportedLeg> legs(Format format, byte[] data, BooleanSupplier cancelled) {
    if (data.length == 0) {
      throw DomainException.invalidArgument("data", "the file is empty");
    }
    if (data.length > MAX_BYTES) {
      throw DomainException.invalidArgument("data", "the file is larger than " + MAX_BYTES / 1024 / 1024 + " MiB");
    }
    return switch (format) {
      case FIT -> FitFile.read(data, cancelled);
      case GPX -> List.of(ImportedLeg.ofPoints(GpxFile.read(data, cancelled)));
    };
  }
}
