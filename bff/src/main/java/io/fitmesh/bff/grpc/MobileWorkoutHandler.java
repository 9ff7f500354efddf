package io.fitmesh.bff.grpc;

import static java.util.Objects.requireNonNull;

import io.fitmesh.platform.geo.LatLon;
import io.fitmesh.platform.geo.PrivacyZone;
import io.fitmesh.social.v1.SocialServiceGrpc.SocialServiceBlockingStub;
import java.util.List;

import io.fitmesh.bff.v1.DeleteWorkoutRequest;
import io.fitmesh.bff.v1.DeleteWorkoutResponse;
import io.fitmesh.bff.v1.FinishWorkoutRequest;
import io.fitmesh.bff.v1.FinishWorkoutResponse;
import io.fitmesh.bff.v1.GetIngestCursorRequest;
import io.fitmesh.bff.v1.GetIngestCursorResponse;
import io.fitmesh.bff.v1.GetMyRecordsRequest;
import io.fitmesh.bff.v1.GetMyRecordsResponse;
import io.fitmesh.bff.v1.GetMyStatsRequest;
import io.fitmesh.bff.v1.GetMyStatsResponse;
import io.fitmesh.bff.v1.GetMyTrainingLoadRequest;
import io.fitmesh.bff.v1.GetMyTrainingLoadResponse;
import io.fitmesh.bff.v1.GetWorkoutRequest;
import io.fitmesh.bff.v1.GetWorkoutResponse;
import io.fitmesh.bff.v1.ImportWorkoutRequest;
import io.fitmesh.bff.v1.ImportWorkoutResponse;
import io.fitmesh.bff.v1.ListWorkoutsRequest;
import io.fitmesh.bff.v1.ListWorkoutsResponse;
import io.fitmesh.bff.v1.MobileWorkoutServiceGrpc;
import io.fitmesh.bff.v1.StartWorkoutRequest;
import io.fitmesh.bff.v1.StartWorkoutResponse;
import io.fitmesh.bff.v1.UploadSamplesRequest;
import io.fitmesh.bff.v1.UploadSamplesResponse;
import io.fitmesh.bff.v1.WatchWorkoutRequest;
import io.fitmesh.bff.v1.WatchWorkoutResponse;
import io.fitmesh.bff.live.LiveWorkouts;
import io.fitmesh.telemetry.v1.TelemetryIngestServiceGrpc.TelemetryIngestServiceBlockingStub;
import io.fitmesh.training.v1.AnalyticsServiceGrpc.AnalyticsServiceBlockingStub;
import io.fitmesh.training.v1.GetAthleteStatsRequest;
import io.fitmesh.training.v1.GetPersonalRecordsRequest;
import io.fitmesh.training.v1.GetTrainingLoadRequest;
import io.fitmesh.training.v1.TrainingServiceGrpc.TrainingServiceBlockingStub;
import io.fitmesh.platform.auth.Callers;
import io.fitmesh.platform.errors.DomainException;
import io.grpc.Context;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.function.Supplier;

/**
 * The mobile workout API. Each call goes to the service that owns the data with the caller's token (so the
 * service checks the athlete itself); downstream status codes reach the app unchanged. No state here.
 */
public final class MobileWorkoutHandler extends MobileWorkoutServiceGrpc.MobileWorkoutServiceImplBase {
  private final Supplier<TrainingServiceBlockingStub> training;
  private final Supplier<SocialServiceBlockingStub> social;
  private final Supplier<TelemetryIngestServiceBlockingStub> telemetry;
  private final Supplier<AnalyticsServiceBlockingStub> analytics;

  private final LiveWorkouts live;

  public MobileWorkoutHandler(Supplier<TrainingServiceBlockingStub> training,
      Supplier<TelemetryIngestServiceBlockingStub> telemetry, Supplier<AnalyticsServiceBlockingStub> analytics,
      Supplier<SocialServiceBlockingStub> social, LiveWorkouts live) {
    this.social = requireNonNull(social, "social");
    this.training = requireNonNull(training, "training");
    this.telemetry = requireNonNull(telemetry, "telemetry");
    this.analytics = requireNonNull(analytics, "analytics");
    this.live = requireNonNull(live, "live");
  }

  @Override
  public void watchWorkout(WatchWorkoutRequest request, StreamObserver<WatchWorkoutResponse> responses) {
    io.fitmesh.training.v1.Workout workout = visibleWorkout(request.getWorkoutId());
    ServerCallStreamObserver<WatchWorkoutResponse> call = (ServerCallStreamObserver<WatchWorkoutResponse>) responses;
    if (workout.getState() == io.fitmesh.training.v1.WorkoutState.WORKOUT_STATE_FINISHED) {
      call.onCompleted();
      return;
    }
    Context caller = Context.current();
    String watcher = Callers.athleteId();
    live.watch(watcher, workout.getAthleteId(), workout.getWorkoutId(), call, () -> inContext(caller, () -> {
      if (!visibleWorkout(workout.getWorkoutId()).getAthleteId().equals(workout.getAthleteId())) {
        throw DomainException.notFound("no workout " + workout.getWorkoutId());
      }
      return watcher.equals(workout.getAthleteId()) ? List.<PrivacyZone>of() : zones(workout.getAthleteId());
    }));
  }

  /** Runs {@code work} in the watcher's call context (its token, for the calls it makes) from a timer thread. */
  private static <T> T inContext(Context context, Supplier<T> work) {
    Context previous = context.attach();
    try {
      return work.get();
    } finally {
      context.detach(previous);
    }
  }

  /** The owner's privacy zones, inside which others are not shown the live position. */
  private List<PrivacyZone> zones(String ownerId) {
    return social.get().getPrivacyZones(io.fitmesh.social.v1.GetPrivacyZonesRequest.newBuilder()
        .setAthleteId(ownerId).build()).getZonesList().stream()
        .map(z -> new PrivacyZone(new LatLon(z.getCenter().getLatitudeDeg(), z.getCenter().getLongitudeDeg()),
            z.getRadiusM())).toList();
  }

  /** The workout as the caller may see it (NOT_FOUND otherwise), from training. */
  private io.fitmesh.training.v1.Workout visibleWorkout(String workoutId) {
    return training.get().getWorkout(io.fitmesh.training.v1.GetWorkoutRequest.newBuilder()
        .setWorkoutId(workoutId).build()).getWorkout();
  }

  @Override
  public void startWorkout(StartWorkoutRequest request, StreamObserver<StartWorkoutResponse> responses) {
    reply(responses, StartWorkoutResponse.newBuilder()
        .setWorkout(training.get().startWorkout(request.getWorkout()).getWorkout()).build());
  }

  @Override
  public void uploadSamples(UploadSamplesRequest request, StreamObserver<UploadSamplesResponse> responses) {
    io.fitmesh.telemetry.v1.UploadSamplesResponse uploaded = telemetry.get().uploadSamples(
        io.fitmesh.telemetry.v1.UploadSamplesRequest.newBuilder()
            .setWorkoutId(request.getWorkoutId()).addAllSamples(request.getSamplesList()).build());
    reply(responses, UploadSamplesResponse.newBuilder().setReport(uploaded.getReport()).build());
  }

  @Override
  public void getIngestCursor(GetIngestCursorRequest request, StreamObserver<GetIngestCursorResponse> responses) {
    reply(responses, GetIngestCursorResponse.newBuilder().setCursor(telemetry.get().getIngestCursor(
        io.fitmesh.telemetry.v1.GetIngestCursorRequest.newBuilder().setWorkoutId(request.getWorkoutId()).build())
        .getCursor()).build());
  }

  @Override
  public void finishWorkout(FinishWorkoutRequest request, StreamObserver<FinishWorkoutResponse> responses) {
    reply(responses, FinishWorkoutResponse.newBuilder().setWorkout(training.get().finishWorkout(
        io.fitmesh.training.v1.FinishWorkoutRequest.newBuilder().setWorkoutId(request.getWorkoutId()).build())
        .getWorkout()).build());
  }

  @Override
  public void getWorkout(GetWorkoutRequest request, StreamObserver<GetWorkoutResponse> responses) {
    reply(responses, GetWorkoutResponse.newBuilder().setWorkout(training.get().getWorkout(
        io.fitmesh.training.v1.GetWorkoutRequest.newBuilder().setWorkoutId(request.getWorkoutId()).build())
        .getWorkout()).build());
  }

  @Override
  public void listWorkouts(ListWorkoutsRequest request, StreamObserver<ListWorkoutsResponse> responses) {
    io.fitmesh.training.v1.ListWorkoutsResponse page = training.get().listWorkouts(
        io.fitmesh.training.v1.ListWorkoutsRequest.newBuilder()
            .setPageSize(request.getPageSize()).setPageToken(request.getPageToken()).build());
    reply(responses, ListWorkoutsResponse.newBuilder()
        .addAllWorkouts(page.getWorkoutsList()).setNextPageToken(page.getNextPageToken()).build());
  }

  @Override
  public void deleteWorkout(DeleteWorkoutRequest request, StreamObserver<DeleteWorkoutResponse> responses) {
    training.get().deleteWorkout(io.fitmesh.training.v1.DeleteWorkoutRequest.newBuilder()
        .setWorkoutId(request.getWorkoutId()).build());
    reply(responses, DeleteWorkoutResponse.getDefaultInstance());
  }

  @Override
  public void updateWorkout(io.fitmesh.bff.v1.UpdateWorkoutRequest request,
      StreamObserver<io.fitmesh.bff.v1.UpdateWorkoutResponse> responses) {
    io.fitmesh.training.v1.UpdateWorkoutRequest.Builder update = io.fitmesh.training.v1.UpdateWorkoutRequest.newBuilder()
        .setWorkoutId(request.getWorkoutId()).setVisibility(request.getVisibility());
    if (request.hasTitle()) {
      update.setTitle(request.getTitle());
    }
    reply(responses, io.fitmesh.bff.v1.UpdateWorkoutResponse.newBuilder()
        .setWorkout(training.get().updateWorkout(update.build()).getWorkout()).build());
  }

  @Override
  public void importWorkout(ImportWorkoutRequest request, StreamObserver<ImportWorkoutResponse> responses) {
    io.fitmesh.training.v1.ImportWorkoutResponse imported = training.get().importWorkout(request.getFile());
    reply(responses, ImportWorkoutResponse.newBuilder()
        .setWorkout(imported.getWorkout()).addAllLegs(imported.getLegsList()).build());
  }

  @Override
  public void getMyStats(GetMyStatsRequest request, StreamObserver<GetMyStatsResponse> responses) {
    reply(responses, GetMyStatsResponse.newBuilder().setStats(analytics.get().getAthleteStats(
        GetAthleteStatsRequest.newBuilder().setTimeZone(request.getTimeZone()).build())).build());
  }

  @Override
  public void getMyTrainingLoad(GetMyTrainingLoadRequest request,
      StreamObserver<GetMyTrainingLoadResponse> responses) {
    reply(responses, GetMyTrainingLoadResponse.newBuilder().addAllDays(analytics.get().getTrainingLoad(
        GetTrainingLoadRequest.newBuilder().setDays(request.getDays()).setTimeZone(request.getTimeZone()).build())
        .getDaysList()).build());
  }

  @Override
  public void getMyRecords(GetMyRecordsRequest request, StreamObserver<GetMyRecordsResponse> responses) {
    reply(responses, GetMyRecordsResponse.newBuilder().addAllRecords(analytics.get()
        .getPersonalRecords(GetPersonalRecordsRequest.getDefaultInstance()).getRecordsList()).build());
  }

  private static <T> void reply(StreamObserver<T> responses, T response) {
    responses.onNext(response);
    responses.onCompleted();
  }
}
