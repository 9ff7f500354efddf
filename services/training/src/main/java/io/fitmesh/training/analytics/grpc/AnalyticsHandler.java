package io.fitmesh.training.analytics.grpc;

import static java.util.Objects.requireNonNull;

import com.google.type.Date;
import io.fitmesh.platform.auth.Callers;
import io.fitmesh.training.analytics.domain.AnalyticsService;
import io.fitmesh.training.analytics.domain.AthleteStats;
import io.fitmesh.training.analytics.domain.DailyLoad;
import io.fitmesh.training.analytics.domain.PersonalRecord;
import io.fitmesh.training.codec.WorkoutProtos;
import io.fitmesh.training.v1.AnalyticsServiceGrpc;
import io.fitmesh.training.v1.GetAthleteStatsRequest;
import io.fitmesh.training.v1.GetAthleteStatsResponse;
import io.fitmesh.training.v1.GetPersonalRecordsRequest;
import io.fitmesh.training.v1.GetPersonalRecordsResponse;
import io.fitmesh.training.v1.GetTrainingLoadRequest;
import io.fitmesh.training.v1.GetTrainingLoadResponse;
import io.fitmesh.training.v1.Totals;
import io.grpc.stub.StreamObserver;
import java.util.List;

/** AnalyticsService over gRPC. */
public final class AnalyticsHandler extends AnalyticsServiceGrpc.AnalyticsServiceImplBase {
  private final AnalyticsService analytics;

  public AnalyticsHandler(AnalyticsService analytics) {
    this.analytics = requireNonNull(analytics, "analytics");
  }

  @Override
  public void getAthleteStats(GetAthleteStatsRequest request, StreamObserver<GetAthleteStatsResponse> responses) {
    AthleteStats stats = analytics.stats(Callers.athleteId(), request.getTimeZone());
    responses.onNext(GetAthleteStatsResponse.newBuilder()
        .addAllWeek(totals(stats.week()))
        .addAllMonth(totals(stats.month()))
        .addAllYear(totals(stats.year()))
        .addAllAllTime(totals(stats.allTime()))
        .build());
    responses.onCompleted();
  }

  @Override
  public void getTrainingLoad(GetTrainingLoadRequest request, StreamObserver<GetTrainingLoadResponse> responses) {
    GetTrainingLoadResponse.Builder response = GetTrainingLoadResponse.newBuilder();
    for (DailyLoad day : analytics.trainingLoad(Callers.athleteId(), request.getDays(), request.getTimeZone())) {
      response.addDays(io.fitmesh.training.v1.DailyLoad.newBuilder()
          .setDate(Date.newBuilder().setYear(day.date().getYear()).setMonth(day.date().getMonthValue())
              .setDay(day.date().getDayOfMonth()))
          .setLoad(day.load())
          .setAcuteLoad(day.acute())
          .setChronicLoad(day.chronic())
          .setBalance(day.balance()));
    }
    responses.onNext(response.build());
    responses.onCompleted();
  }

  @Override
  public void getPersonalRecords(GetPersonalRecordsRequest request,
      StreamObserver<GetPersonalRecordsResponse> responses) {
    GetPersonalRecordsResponse.Builder response = GetPersonalRecordsResponse.newBuilder();
    for (PersonalRecord r : analytics.records(Callers.athleteId())) {
      response.addRecords(io.fitmesh.training.v1.PersonalRecord.newBuilder()
          .setName(r.name())
          .setSport(WorkoutProtos.toProto(r.sport()))
          .setElapsedS(r.elapsedS())
          .setDistanceM(r.distanceM())
          .setWorkoutId(r.workoutId()));
    }
    responses.onNext(response.build());
    responses.onCompleted();
  }

  private static List<Totals> totals(List<io.fitmesh.training.analytics.domain.Totals> totals) {
    return totals.stream().map(t -> Totals.newBuilder()
        .setSport(WorkoutProtos.toProto(t.sport()))
        .setCount(t.count())
        .setDistanceM(t.distanceM())
        .setMovingS(t.movingS())
        .setElevationGainM(t.elevationGainM())
        .build()).toList();
  }
}
