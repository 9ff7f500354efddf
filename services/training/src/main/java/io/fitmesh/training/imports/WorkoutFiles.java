package io.fitmesh.training.imports;

import io.fitmesh.platform.errors.DomainException;
import io.fitmesh.platform.limits.WorkoutLimits;
import io.fitmesh.training.domain.StartCommand;
import io.fitmesh.training.domain.TrackPoint;
import io.fitmesh.training.domain.TrainingService;
import io.fitmesh.training.domain.WorkoutRecord;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Imports a FIT or GPX file: parse it whole first, then hand the points to {@link TrainingService}. */
public final class WorkoutFiles {
  public static final int MAX_BYTES = WorkoutLimits.MAX_FILE_BYTES;

  /** The file formats a workout can be imported from. */
  public enum Format { FIT, GPX }

  private WorkoutFiles() {}

  public static WorkoutRecord importFile(TrainingService training, String athleteId, StartCommand command,
      Format format, byte[] data, BooleanSupplier cancelled) {
    List<TrackPoint> points = parse(format, data, cancelled);
    if (points.size() < 2) {
      throw DomainException.invalidArgument("data", "the file has fewer than two timed points");
    }
    TrackPoint first = points.stream().min(Comparator.comparing(TrackPoint::time)).orElseThrow();
    StartCommand timed = new StartCommand(command.workoutId(), command.sport(), first.time(), command.timeZone(),
        command.visibility(), command.title(), command.gearId());
    return training.importWorkout(athleteId, timed, points);
  }

  /** The points of a file, in file order, seq from 0. */
  public static List<TrackPoint> parse(Format format, byte[] data) {
    return parse(format, data, () -> false);
  }

  /** The points of a file; stops (CancellationException) once {@code cancelled} says so. */
  public static List<TrackPoint> parse(Format format, byte[] data, BooleanSupplier cancelled) {
    if (data.length == 0) {
      throw DomainException.invalidArgument("data", "the file is empty");
    }
    if (data.length > MAX_BYTES) {
      throw DomainException.invalidArgument("data", "the file is larger than " + MAX_BYTES / 1024 / 1024 + " MiB");
    }
    return switch (format) {
      case FIT -> FitFile.read(data, cancelled);
      case GPX -> GpxFile.read(data, cancelled);
    };
  }
}
