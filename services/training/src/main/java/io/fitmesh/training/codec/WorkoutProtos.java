package io.fitmesh.training.codec;

import io.fitmesh.platform.geo.LatLon;
import io.fitmesh.common.v1.Sport;
import io.fitmesh.common.v1.Visibility;
import io.fitmesh.platform.errors.DomainException;
import io.fitmesh.platform.grpc.ProtoTime;
import io.fitmesh.training.domain.PlausibilityCheck;
import io.fitmesh.training.domain.Summary;
import io.fitmesh.training.domain.WorkoutRecord;
import io.fitmesh.training.v1.BestEffort;
import io.fitmesh.training.v1.FigureSource;
import io.fitmesh.training.v1.FigureSources;
import io.fitmesh.training.v1.Multisport;
import io.fitmesh.training.v1.PlausibilityFlag;
import io.fitmesh.training.v1.Split;
import io.fitmesh.training.v1.Workout;
import io.fitmesh.training.v1.WorkoutSource;
import io.fitmesh.training.v1.WorkoutState;
import io.fitmesh.training.v1.WorkoutSummary;
import java.time.ZoneId;

/** Training domain types to and from their protos (API messages, events and stored rows). */
public final class WorkoutProtos {
  private WorkoutProtos() {}

  public static Workout toProto(WorkoutRecord w) {
    Workout.Builder b = Workout.newBuilder()
        .setWorkoutId(w.workoutId())
        .setAthleteId(w.athleteId())
        .setSport(toProto(w.sport()))
        .setStartTime(ProtoTime.toTimestamp(w.startTime()))
        .setTimeZone(w.timeZone().getId())
        .setVisibility(toProto(w.visibility()))
        .setState(w.state() == WorkoutRecord.State.FINISHED ? WorkoutState.WORKOUT_STATE_FINISHED
            : WorkoutState.WORKOUT_STATE_RECORDING)
        .setTitle(w.title())
        .setSource(w.source() == WorkoutRecord.Source.IMPORTED ? WorkoutSource.WORKOUT_SOURCE_IMPORTED
            : WorkoutSource.WORKOUT_SOURCE_RECORDED)
        .setGearId(w.gearId());
    if (w.summary() != null) {
      b.setSummary(toProto(w.summary()));
    }
    if (w.multisport() != null) {
      b.setMultisport(Multisport.newBuilder().setActivityId(w.multisport().activityId())
          .setLeg(w.multisport().leg()).addAllWorkoutIds(w.multisport().workoutIds()));
    }
    return b.build();
  }

  /** A workout from a row or an event; one that does not say who may see it is the athlete's alone. */
  public static WorkoutRecord toDomain(Workout w) {
    io.fitmesh.training.domain.Visibility visibility = visibility(w.getVisibility());
    return new WorkoutRecord(w.getWorkoutId(), w.getAthleteId(), sport(w.getSport()),
        ProtoTime.toInstant(w.getStartTime()), ZoneId.of(w.getTimeZone()),
        visibility == null ? io.fitmesh.training.domain.Visibility.ONLY_ME : visibility,
        w.getState() == WorkoutState.WORKOUT_STATE_FINISHED ? WorkoutRecord.State.FINISHED
            : WorkoutRecord.State.RECORDING,
        w.getTitle(),
        w.getSource() == WorkoutSource.WORKOUT_SOURCE_IMPORTED ? WorkoutRecord.Source.IMPORTED
            : WorkoutRecord.Source.RECORDED,
        w.hasSummary() ? toDomain(w.getSummary()) : null,
        w.getGearId(),
        w.hasMultisport() ? new io.fitmesh.training.domain.Multisport(w.getMultisport().getActivityId(),
            w.getMultisport().getLeg(), w.getMultisport().getWorkoutIdsList()) : null);
  }

  static WorkoutSummary toProto(Summary s) {
    WorkoutSummary.Builder b = WorkoutSummary.newBuilder()
        .setEndTime(ProtoTime.toTimestamp(s.endTime()))
        .setSampleCount(s.sampleCount())
        .setDistanceM(s.distanceM())
        .setElapsedS(s.elapsedS())
        .setMovingS(s.movingS())
        .setAverageSpeedMps(s.averageSpeedMps())
        .setMaxSpeedMps(s.maxSpeedMps())
        .setAveragePaceSPerKm(s.averagePaceSPerKm())
        .setElevationGainM(s.elevationGainM())
        .setElevationLossM(s.elevationLossM())
        .setAverageHeartRateBpm(s.averageHeartRateBpm())
        .setMaxHeartRateBpm(s.maxHeartRateBpm())
        .addAllHeartRateZoneS(s.heartRateZoneS())
        .setAveragePowerWatts(s.averagePowerWatts())
        .setAverageCadenceRpm(s.averageCadenceRpm())
        .setCaloriesKcal(s.caloriesKcal());
    s.splits().forEach(split -> b.addSplits(Split.newBuilder().setIndex(split.index())
        .setDistanceM(split.distanceM()).setMovingS(split.movingS()).setElevationGainM(split.elevationGainM())));
    s.bestEfforts().forEach(e -> b.addBestEfforts(BestEffort.newBuilder().setName(e.name())
        .setDistanceM(e.distanceM()).setElapsedS(e.elapsedS())));
    s.flags().forEach(f -> b.addPlausibilityFlags(PlausibilityFlag.newBuilder().setRule(f.rule()).setReason(f.reason())));
    if (s.startPosition() != null) {
      b.setStartPosition(latLng(s.startPosition()));
    }
    s.route().forEach(p -> b.addRoute(latLng(p)));
    Summary.Sources f = s.sources();
    b.setSources(FigureSources.newBuilder().setDistance(toProto(f.distance())).setMovingTime(toProto(f.movingTime()))
        .setElapsedTime(toProto(f.elapsedTime())).setHeartRate(toProto(f.heartRate())).setPower(toProto(f.power()))
        .setCadence(toProto(f.cadence())).setCalories(toProto(f.calories())).setElevation(toProto(f.elevation()))
        .setSplits(toProto(f.splits())).setMaxSpeed(toProto(f.maxSpeed())));
    b.setPoolLengthM(s.poolLengthM()).setPoolLengths(s.poolLengths());
    return b.build();
  }

  static Summary toDomain(WorkoutSummary s) {
    return new Summary(ProtoTime.toInstant(s.getEndTime()), s.getSampleCount(), s.getDistanceM(), s.getElapsedS(),
        s.getMovingS(), s.getAverageSpeedMps(), s.getMaxSpeedMps(), s.getAveragePaceSPerKm(),
        s.getElevationGainM(), s.getElevationLossM(), s.getAverageHeartRateBpm(), s.getMaxHeartRateBpm(),
        s.getHeartRateZoneSList(), s.getAveragePowerWatts(), s.getAverageCadenceRpm(), s.getCaloriesKcal(),
        s.getSplitsList().stream().map(x -> new Summary.Split(x.getIndex(), x.getDistanceM(), x.getMovingS(),
            x.getElevationGainM())).toList(),
        s.getBestEffortsList().stream().map(e -> new Summary.BestEffort(e.getName(), e.getDistanceM(),
            e.getElapsedS())).toList(),
        s.getPlausibilityFlagsList().stream().map(f -> new PlausibilityCheck.Flag(f.getRule(), f.getReason())).toList(),
        s.hasStartPosition() ? latLon(s.getStartPosition()) : null,
        s.getRouteList().stream().map(WorkoutProtos::latLon).toList(),
        sources(s.getSources()), s.getPoolLengthM(), s.getPoolLengths());
  }

  private static Summary.Sources sources(FigureSources f) {
    return new Summary.Sources(source(f.getDistance()), source(f.getMovingTime()), source(f.getElapsedTime()),
        source(f.getHeartRate()), source(f.getPower()), source(f.getCadence()), source(f.getCalories()),
        source(f.getElevation()), source(f.getSplits()), source(f.getMaxSpeed()));
  }

  private static FigureSource toProto(Summary.Source source) {
    return source == Summary.Source.DEVICE ? FigureSource.FIGURE_SOURCE_DEVICE : FigureSource.FIGURE_SOURCE_COMPUTED;
  }

  /** Summaries stored before sources were kept are computed ones. */
  private static Summary.Source source(FigureSource source) {
    return source == FigureSource.FIGURE_SOURCE_DEVICE ? Summary.Source.DEVICE : Summary.Source.COMPUTED;
  }

  private static io.fitmesh.common.v1.LatLng latLng(LatLon p) {
    return io.fitmesh.common.v1.LatLng.newBuilder().setLatitudeDeg(p.latitudeDeg()).setLongitudeDeg(p.longitudeDeg())
        .build();
  }

  private static LatLon latLon(io.fitmesh.common.v1.LatLng p) {
    return new LatLon(p.getLatitudeDeg(), p.getLongitudeDeg());
  }

  public static Sport toProto(io.fitmesh.training.domain.Sport sport) {
    return Sport.valueOf("SPORT_" + sport.name());
  }

  /** The domain sport; INVALID_ARGUMENT for an unset or unknown one. */
  public static io.fitmesh.training.domain.Sport sport(Sport sport) {
    if (sport == Sport.SPORT_UNSPECIFIED || sport == Sport.UNRECOGNIZED) {
      throw DomainException.invalidArgument("sport", "sport is required");
    }
    return io.fitmesh.training.domain.Sport.valueOf(sport.name().substring("SPORT_".length()));
  }

  public static Visibility toProto(io.fitmesh.training.domain.Visibility v) {
    return Visibility.valueOf("VISIBILITY_" + v.name());
  }

  /** The domain visibility; null (the default) when unset. */
  public static io.fitmesh.training.domain.Visibility visibility(Visibility v) {
    if (v == Visibility.VISIBILITY_UNSPECIFIED || v == Visibility.UNRECOGNIZED) {
      return null;
    }
    return io.fitmesh.training.domain.Visibility.valueOf(v.name().substring("VISIBILITY_".length()));
  }
}
