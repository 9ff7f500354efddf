package io.fitmesh.training.grpc;

import static java.util.Objects.requireNonNull;

import io.fitmesh.platform.auth.Callers;
import io.fitmesh.platform.errors.DomainException;
import io.fitmesh.platform.grpc.Paging;
import io.fitmesh.platform.grpc.ProtoTime;
import io.fitmesh.training.codec.WorkoutProtos;
import io.fitmesh.training.domain.StartCommand;
import io.fitmesh.training.domain.TrainingService;
import io.fitmesh.training.domain.WorkoutPage;
import io.fitmesh.training.domain.WorkoutRecord;
import io.fitmesh.training.imports.WorkoutFiles;
import io.fitmesh.training.v1.AuthorizeSampleWriteRequest;
import io.fitmesh.training.v1.AuthorizeSampleWriteResponse;
import io.fitmesh.training.v1.DeleteWorkoutRequest;
import io.fitmesh.training.v1.DeleteWorkoutResponse;
import io.fitmesh.training.v1.UpdateWorkoutRequest;
import io.fitmesh.training.v1.UpdateWorkoutResponse;
import io.fitmesh.training.v1.FinishWorkoutRequest;
import io.fitmesh.training.v1.FinishWorkoutResponse;
import io.fitmesh.training.v1.GetWorkoutRequest;
import io.fitmesh.training.v1.GetWorkoutResponse;
import io.fitmesh.training.v1.ImportFormat;
import io.fitmesh.training.v1.ImportWorkoutRequest;
import io.fitmesh.training.v1.ImportWorkoutResponse;
import io.fitmesh.training.v1.ListWorkoutsRequest;
import io.fitmesh.training.v1.ListWorkoutsResponse;
import io.fitmesh.training.v1.StartWorkoutRequest;
import io.fitmesh.training.v1.StartWorkoutResponse;
import io.fitmesh.training.v1.TrainingServiceGrpc;
import io.grpc.Context;
import io.grpc.stub.StreamObserver;
import java.util.List;

/** TrainingService over gRPC: maps messages and calls {@link TrainingService}. */
public final class TrainingHandler extends TrainingServiceGrpc.TrainingServiceImplBase {
  private final TrainingService training;

  public TrainingHandler(TrainingService training) {
    this.training = requireNonNull(training, "training");
  }

  @Override
  public void startWorkout(StartWorkoutRequest request, StreamObserver<StartWorkoutResponse> responses) {
    StartCommand command = new StartCommand(request.getWorkoutId(), WorkoutProtos.sport(request.getSport()),
        ProtoTime.toInstant(request.getStartTime()), request.getTimeZone(),
        WorkoutProtos.visibility(request.getVisibility()), request.getTitle(), request.getGearId());
    WorkoutRecord started = training.start(Callers.athleteId(), command);
    reply(responses, StartWorkoutResponse.newBuilder().setWorkout(WorkoutProtos.toProto(started)).build());
  }

  @Override
  public void finishWorkout(FinishWorkoutRequest request, StreamObserver<FinishWorkoutResponse> responses) {
    WorkoutRecord finished = training.finish(Callers.athleteId(), request.getWorkoutId());
    reply(responses, FinishWorkoutResponse.newBuilder().setWorkout(WorkoutProtos.toProto(finished)).build());
  }

  @Override
  public void getWorkout(GetWorkoutRequest request, StreamObserver<GetWorkoutResponse> responses) {
    WorkoutRecord workout = training.get(Callers.athleteId(), request.getWorkoutId());
    reply(responses, GetWorkoutResponse.newBuilder().setWorkout(WorkoutProtos.toProto(workout)).build());
  }

  @Override
  public void listWorkouts(ListWorkoutsRequest request, StreamObserver<ListWorkoutsResponse> responses) {
    int size = Paging.pageSize(request.getPageSize(), 20, 100);
    WorkoutPage page = training.list(Callers.athleteId(), Paging.position(request.getPageToken()), size);
    ListWorkoutsResponse.Builder response = ListWorkoutsResponse.newBuilder();
    page.workouts().forEach(w -> response.addWorkouts(WorkoutProtos.toProto(w)));
    if (page.nextPosition() != null) {
      response.setNextPageToken(Paging.token(page.nextPosition()));
    }
    reply(responses, response.build());
  }

  @Override
  public void deleteWorkout(DeleteWorkoutRequest request, StreamObserver<DeleteWorkoutResponse> responses) {
    training.delete(Callers.athleteId(), request.getWorkoutId());
    reply(responses, DeleteWorkoutResponse.getDefaultInstance());
  }

  @Override
  public void updateWorkout(UpdateWorkoutRequest request, StreamObserver<UpdateWorkoutResponse> responses) {
    WorkoutRecord changed = training.update(Callers.athleteId(), request.getWorkoutId(),
        request.hasTitle() ? request.getTitle().strip() : null, WorkoutProtos.visibility(request.getVisibility()));
    reply(responses, UpdateWorkoutResponse.newBuilder().setWorkout(WorkoutProtos.toProto(changed)).build());
  }

  @Override
  public void importWorkout(ImportWorkoutRequest request, StreamObserver<ImportWorkoutResponse> responses) {
    StartCommand command = new StartCommand(request.getWorkoutId(), WorkoutProtos.sport(request.getSport()),
        null, request.getTimeZone(), WorkoutProtos.visibility(request.getVisibility()), request.getTitle(),
        request.getGearId());
    Context call = Context.current();
    List<WorkoutRecord> legs = WorkoutFiles.importFile(training, Callers.athleteId(), command,
        format(request.getFormat()), request.getData().toByteArray(), call::isCancelled);
    ImportWorkoutResponse.Builder answer = ImportWorkoutResponse.newBuilder()
        .setWorkout(WorkoutProtos.toProto(legs.get(0)));
    legs.forEach(leg -> answer.addLegs(WorkoutProtos.toProto(leg)));
    reply(responses, answer.build());
  }

  @Override
  public void authorizeSampleWrite(AuthorizeSampleWriteRequest request,
      StreamObserver<AuthorizeSampleWriteResponse> responses) {
    WorkoutRecord workout = training.authorizeSampleWrite(Callers.athleteId(), request.getWorkoutId());
    reply(responses, AuthorizeSampleWriteResponse.newBuilder()
        .setStartTime(ProtoTime.toTimestamp(workout.startTime()))
        .setRecording(workout.state() == WorkoutRecord.State.RECORDING)
        .build());
  }

  private static WorkoutFiles.Format format(ImportFormat format) {
    return switch (format) {
      case IMPORT_FORMAT_FIT -> WorkoutFiles.Format.FIT;
      case IMPORT_FORMAT_GPX -> WorkoutFiles.Format.GPX;
      default -> throw DomainException.invalidArgument("format", "format must be FIT or GPX");
    };
  }

  private static <T> void reply(StreamObserver<T> responses, T response) {
    responses.onNext(response);
    responses.onCompleted();
  }
}
