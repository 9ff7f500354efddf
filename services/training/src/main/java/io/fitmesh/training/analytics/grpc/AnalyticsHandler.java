package io.fitmesh.training.analytics.grpc;

import static java.util.Objects.requireNonNull;

import com.google.type.Date;
import io.fitmesh.platform.auth.Callers;
import io.fitmesh.training.analytics.domain.AnalyticsService;
import io.fitmesh.training.analytics.domain.AthleteChallengeStats;
import io.fitmesh.training.analytics.domain.AthleteStats;
import io.fitmesh.training.analytics.domain.ChallengeAnalytics;
import io.fitmesh.training.analytics.domain.DailyLoad;
import io.fitmesh.training.analytics.domain.ParticipationReport;
import io.fitmesh.training.analytics.domain.PersonalRecord;
import io.fitmesh.training.analytics.domain.TrainingStatus;
import io.fitmesh.training.codec.WorkoutProtos;
import io.fitmesh.training.v1.AnalyticsServiceGrpc;
import io.fitmesh.training.v1.ChallengeStats;
import io.fitmesh.training.v1.GetChallengeParticipationRequest;
import io.fitmesh.training.v1.GetChallengeParticipationResponse;
import io.fitmesh.training.v1.GetAthleteStatsRequest;
import io.fitmesh.training.v1.GetAthleteStatsResponse;
import io.fitmesh.training.v1.GetPersonalRecordsRequest;
import io.fitmesh.training.v1.GetPersonalRecordsResponse;
import io.fitmesh.training.v1.GetTrainingLoadRequest;
import io.fitmesh.training.v1.GetTrainingLoadResponse;
import io.fitmesh.training.v1.GetTrainingStatusRequest;
import io.fitmesh.training.v1.GetTrainingStatusResponse;
import io.fitmesh.training.v1.RecentSport;
import io.fitmesh.platform.grpc.ProtoTime;
import io.fitmesh.training.v1.ParticipationDay;
import io.fitmesh.training.v1.Totals;
import io.grpc.stub.StreamObserver;
import java.util.List;

/** AnalyticsService over gRPC. */
public final class AnalyticsHandler extends AnalyticsServiceGrpc.AnalyticsServiceImplBase {
  private final AnalyticsService analytics;
  private final ChallengeAnalytics challenges;

  public AnalyticsHandler(AnalyticsService analytics, ChallengeAnalytics challenges) {
    this.analytics = requireNonNull(analytics, "analytics");
    this.challenges = requireNonNull(challenges, "challenges");
  }

  @Override
  public void getAthleteStats(GetAthleteStatsRequest request, StreamObserver<GetAthleteStatsResponse> responses) {
    AthleteStats stats = analytics.stats(Callers.athleteId(), request.getTimeZone());
    AthleteChallengeStats joined = challenges.athleteStats(Callers.athleteId());
    responses.onNext(GetAthleteStatsResponse.newBuilder()
        .addAllWeek(totals(stats.week()))
        .addAllMonth(totals(stats.month()))
        .addAllYear(totals(stats.year()))
        .addAllAllTime(totals(stats.allTime()))
        .setChallenges(ChallengeStats.newBuilder()
            .setJoined(joined.joined())
            .setActive(joined.active())
            .setCompleted(joined.completed())
            .setGoalReached(joined.goalReached())
            .setBestRank(joined.bestRank()))
        .build());
    responses.onCompleted();
  }

  @Override
  public void getTrainingLoad(GetTrainingLoadRequest request, StreamObserver<GetTrainingLoadResponse> responses) {
    GetTrainingLoadResponse.Builder response = GetTrainingLoadResponse.newBuilder();
    for (DailyLoad day : analytics.trainingLoad(Callers.athleteId(), request.getDays(), request.getTimeZone())) {
      response.addDays(io.fitmesh.training.v1.DailyLoad.newBuilder()
          .setDate(date(day.date()))
          .setLoad(day.load())
          .setAcuteLoad(day.acute())
          .setChronicLoad(day.chronic())
          .setBalance(day.balance()));
    }
    responses.onNext(response.build());
    responses.onCompleted();
  }

  @Override
  public void getTrainingStatus(GetTrainingStatusRequest request, StreamObserver<GetTrainingStatusResponse> responses) {
    TrainingStatus status = analytics.status(Callers.athleteId(), request.getTimeZone());
    GetTrainingStatusResponse.Builder response = GetTrainingStatusResponse.newBuilder()
        .setTimeZone(status.zone().getId())
        .setAcuteLoad(status.acuteLoad())
        .setChronicLoad(status.chronicLoad())
        .setWorkoutCount(status.workoutCount())
        .setMaxHeartRateBpm(status.maxHeartRateBpm())
        .setChallengesJoined(challenges.athleteStats(Callers.athleteId()).joined());
    status.firstWorkoutTime().ifPresent(t -> response.setFirstWorkoutTime(ProtoTime.toTimestamp(t)));
    status.latest().ifPresent(latest -> response
        .setLatestWorkoutEnd(ProtoTime.toTimestamp(latest.endTime()))
        .setLatestWorkoutLoad(latest.load())
        .setLatestWorkoutSport(WorkoutProtos.toProto(latest.sport())));
    status.lastHardDay().ifPresent(day -> response.setLastHardDay(date(day)));
    status.recentSports().forEach(sport -> response.addRecentSports(RecentSport.newBuilder()
        .setSport(WorkoutProtos.toProto(sport.sport())).setCount(sport.count()).setDistanceM(sport.distanceM())));
    status.bestEfforts().forEach(r -> response.addBestEfforts(record(r)));
    status.bestEfforts90DaysAgo().forEach(r -> response.addBestEfforts90DaysAgo(record(r)));
    responses.onNext(response.build());
    responses.onCompleted();
  }

  private static io.fitmesh.training.v1.PersonalRecord record(PersonalRecord r) {
    return io.fitmesh.training.v1.PersonalRecord.newBuilder()
        .setName(r.name())
        .setSport(WorkoutProtos.toProto(r.sport()))
        .setElapsedS(r.elapsedS())
        .setDistanceM(r.distanceM())
        .setWorkoutId(r.workoutId())
        .build();
  }

  @Override
  public void getPersonalRecords(GetPersonalRecordsRequest request,
      StreamObserver<GetPersonalRecordsResponse> responses) {
    GetPersonalRecordsResponse.Builder response = GetPersonalRecordsResponse.newBuilder();
    analytics.records(Callers.athleteId()).forEach(r -> response.addRecords(record(r)));
    responses.onNext(response.build());
    responses.onCompleted();
  }

  @Override
  public void getChallengeParticipation(GetChallengeParticipationRequest request,
      StreamObserver<GetChallengeParticipationResponse> responses) {
    ParticipationReport report = challenges.participation(Callers.athleteId(), request.getChallengeId());
    GetChallengeParticipationResponse.Builder response = GetChallengeParticipationResponse.newBuilder()
        .setChallengeId(report.challengeId())
        .setParticipants(report.participants())
        .setActiveParticipants(report.activeParticipants())
        .setDistanceM(report.distanceM());
    for (ParticipationReport.Day day : report.days()) {
      response.addDays(ParticipationDay.newBuilder()
          .setDate(date(day.date()))
          .setJoins(day.joins())
          .setLeaves(day.leaves())
          .setParticipants(day.participants())
          .setActiveParticipants(day.activeParticipants())
          .setDistanceM(day.distanceM()));
    }
    responses.onNext(response.build());
    responses.onCompleted();
  }

  private static Date date(java.time.LocalDate d) {
    return Date.newBuilder().setYear(d.getYear()).setMonth(d.getMonthValue()).setDay(d.getDayOfMonth()).build();
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
